#!/bin/sh
# GENERATED from nl.meldspoor.platform.kafka.KafkaAccess (platform) -- do not edit by hand.
# KafkaDeploymentsFollowKafkaAccessTest fails when this file differs and writes the fresh one to
# platform/target/apply-kafka-acls.sh; copy it to deploy/compose/kafka/ and deploy/k8s/base/.
#
# Creates each service's SCRAM-SHA-512 credential and its ACLs, as the admin super user.
# Environment: KAFKA_BOOTSTRAP_SERVERS, MELDSPOOR_KAFKA_ADMIN_PASSWORD, KAFKA_SECURITY_PROTOCOL
# (SASL_PLAINTEXT or SASL_SSL) and one password per service (below). Passwords: openssl rand -hex 32.
set -eu
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"
BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:?set KAFKA_BOOTSTRAP_SERVERS}"
ADMIN_CONFIG="$(mktemp)"
trap 'rm -f "$ADMIN_CONFIG"' EXIT
cat > "$ADMIN_CONFIG" <<EOF
security.protocol=${KAFKA_SECURITY_PROTOCOL:-SASL_PLAINTEXT}
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${MELDSPOOR_KAFKA_ADMIN_USERNAME:-admin}" password="${MELDSPOOR_KAFKA_ADMIN_PASSWORD:?set MELDSPOOR_KAFKA_ADMIN_PASSWORD}";
EOF

# waits until the cluster answers the admin (brokers may still be starting); a wrong admin password
# looks the same, so it gives up after five minutes and the init container/Job fails visibly
attempts=0
until "$KAFKA_BIN/kafka-broker-api-versions.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" >/dev/null 2>&1; do
  attempts=$((attempts + 1))
  if [ "$attempts" -ge 100 ]; then
    echo "Kafka at $BOOTSTRAP does not accept the admin's credential" >&2; exit 1
  fi
  echo "waiting for Kafka at $BOOTSTRAP"; sleep 3
done

scram_user() {
  "$KAFKA_BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --alter \
    --entity-type users --entity-name "$1" --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]"
}

allow() {
  principal="$1"; shift
  "$KAFKA_BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --add \
    --allow-principal "User:$principal" "$@"
}

# case-service
scram_user case-service "${MELDSPOOR_KAFKA_PASSWORD_CASE_SERVICE:?set MELDSPOOR_KAFKA_PASSWORD_CASE_SERVICE}"
allow case-service --operation Write --topic meldspoor.access-log --topic meldspoor.access-log.dlt --topic meldspoor.case-events --topic meldspoor.signal-events.dlt --topic meldspoor.staff
allow case-service --operation Read --topic meldspoor.access-log --topic meldspoor.access-log.dlt --topic meldspoor.signal-events --topic meldspoor.signal-events.dlt --topic meldspoor.staff
allow case-service --operation Create --operation Describe --topic meldspoor.access-log --topic meldspoor.access-log.dlt --topic meldspoor.case-events --topic meldspoor.signal-events --topic meldspoor.signal-events.dlt --topic meldspoor.staff
allow case-service --operation Read --resource-pattern-type prefixed --group case-service.

# signal-service
scram_user signal-service "${MELDSPOOR_KAFKA_PASSWORD_SIGNAL_SERVICE:?set MELDSPOOR_KAFKA_PASSWORD_SIGNAL_SERVICE}"
allow signal-service --operation Write --topic meldspoor.access-log --topic meldspoor.case-events.dlt --topic meldspoor.signal-events
allow signal-service --operation Read --topic meldspoor.case-events --topic meldspoor.case-events.dlt --topic meldspoor.staff
allow signal-service --operation Create --operation Describe --topic meldspoor.access-log --topic meldspoor.case-events --topic meldspoor.case-events.dlt --topic meldspoor.signal-events --topic meldspoor.staff
allow signal-service --operation Read --resource-pattern-type prefixed --group signal-service.

# reporting-service
scram_user reporting-service "${MELDSPOOR_KAFKA_PASSWORD_REPORTING_SERVICE:?set MELDSPOOR_KAFKA_PASSWORD_REPORTING_SERVICE}"
allow reporting-service --operation Write --topic meldspoor.access-log --topic meldspoor.access-log.dlt --topic meldspoor.case-events.dlt --topic meldspoor.signal-events.dlt
allow reporting-service --operation Read --topic meldspoor.access-log --topic meldspoor.access-log.dlt --topic meldspoor.case-events --topic meldspoor.case-events.dlt --topic meldspoor.signal-events --topic meldspoor.signal-events.dlt --topic meldspoor.staff
allow reporting-service --operation Create --operation Describe --topic meldspoor.access-log --topic meldspoor.access-log.dlt --topic meldspoor.case-events --topic meldspoor.case-events.dlt --topic meldspoor.signal-events --topic meldspoor.signal-events.dlt --topic meldspoor.staff
allow reporting-service --operation Read --resource-pattern-type prefixed --group reporting.

# notification-service
scram_user notification-service "${MELDSPOOR_KAFKA_PASSWORD_NOTIFICATION_SERVICE:?set MELDSPOOR_KAFKA_PASSWORD_NOTIFICATION_SERVICE}"
allow notification-service --operation Write --topic meldspoor.case-events.dlt --topic meldspoor.signal-events.dlt
allow notification-service --operation Read --topic meldspoor.case-events --topic meldspoor.case-events.dlt --topic meldspoor.signal-events --topic meldspoor.signal-events.dlt --topic meldspoor.staff
allow notification-service --operation Create --operation Describe --topic meldspoor.access-log --topic meldspoor.case-events --topic meldspoor.case-events.dlt --topic meldspoor.signal-events --topic meldspoor.signal-events.dlt --topic meldspoor.staff
allow notification-service --operation Read --group notification-service

echo "Kafka credentials and ACLs applied"
