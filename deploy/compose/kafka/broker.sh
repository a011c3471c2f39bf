#!/bin/sh
# Starts one Kafka node of the compose cluster (KRaft: broker and controller) that trusts nobody it does not know:
# - clients and the brokers themselves authenticate with SASL/SCRAM-SHA-512 on the client listener (:9092);
# - the controller listener (:9093) uses SASL/PLAIN with the brokers' own static credential (KRaft controllers
#   cannot use SCRAM: they authenticate before any SCRAM credential is loaded);
# - the StandardAuthorizer refuses whatever no ACL allows (allow.everyone.if.no.acl.found=false); only the
#   brokers and the admin are super users. The services' users and ACLs are added by apply-kafka-acls.sh
#   (the kafka-acls container), generated from nl.meldspoor.platform.kafka.KafkaAccess.
# The SCRAM credentials of broker and admin are created when the data directory is formatted (first start).
# Environment: KAFKA_NODE_ID, CLUSTER_ID, MELDSPOOR_KAFKA_BROKER_PASSWORD, MELDSPOOR_KAFKA_ADMIN_PASSWORD
# (openssl rand -hex 32 each: the SCRAM and JAAS syntax leave no room for quotes, commas or brackets).
set -eu
: "${KAFKA_NODE_ID:?set KAFKA_NODE_ID}" "${CLUSTER_ID:?set CLUSTER_ID}"
: "${MELDSPOOR_KAFKA_BROKER_PASSWORD:?set MELDSPOOR_KAFKA_BROKER_PASSWORD}" "${MELDSPOOR_KAFKA_ADMIN_PASSWORD:?set MELDSPOOR_KAFKA_ADMIN_PASSWORD}"
CONFIG=/tmp/server.properties
umask 077
cat > "$CONFIG" <<PROPERTIES
process.roles=broker,controller
node.id=${KAFKA_NODE_ID}
controller.quorum.voters=1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093
listeners=CLIENT://:9092,CONTROLLER://:9093
advertised.listeners=CLIENT://kafka-${KAFKA_NODE_ID}:9092
listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
inter.broker.listener.name=CLIENT
controller.listener.names=CONTROLLER
listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="${MELDSPOOR_KAFKA_BROKER_PASSWORD}";
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="broker" password="${MELDSPOOR_KAFKA_BROKER_PASSWORD}" user_broker="${MELDSPOOR_KAFKA_BROKER_PASSWORD}";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:broker;User:admin
log.dirs=/var/lib/kafka/data
offsets.topic.replication.factor=3
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
default.replication.factor=3
min.insync.replicas=2
auto.create.topics.enable=false
PROPERTIES
# kafka-storage format --add-scram: the brokers' and the admin's credentials exist before anyone authenticates
/opt/kafka/bin/kafka-storage.sh format --ignore-formatted --cluster-id "$CLUSTER_ID" --config "$CONFIG" \
  --add-scram "SCRAM-SHA-512=[name=broker,password=${MELDSPOOR_KAFKA_BROKER_PASSWORD}]" \
  --add-scram "SCRAM-SHA-512=[name=admin,password=${MELDSPOOR_KAFKA_ADMIN_PASSWORD}]"
exec /opt/kafka/bin/kafka-server-start.sh "$CONFIG"
