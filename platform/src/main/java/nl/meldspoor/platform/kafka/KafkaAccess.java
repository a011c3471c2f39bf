package nl.meldspoor.platform.kafka;

import static nl.meldspoor.platform.consuming.DeadLetters.topicOf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.meldspoor.api.common.Topics;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on which Kafka topic: the one definition the brokers' ACLs are made from. Kafka is a
 * source of authority here (the staff directory grants roles, the signal events escalate to cases, the
 * access log is the evidence of every read), so a client only gets what its service's code needs:
 * <ul>
 *   <li>{@code writes}: the topics its producers send to (its own event topic, the access log if it hands
 *       out records, the dead-letter topics of what it consumes);</li>
 *   <li>{@code reads}: the topics its consumers read (and their dead-letter topics, for replays);</li>
 *   <li>{@code creates}: the topics it declares and creates when they are missing ({@code NewTopic} beans,
 *       the publishing lanes, the staff directory); creating grants no write;</li>
 *   <li>{@code groups}: its consumer groups, a name ending in {@code .} is a prefix.</li>
 * </ul>
 * Brokers run with {@code allow.everyone.if.no.acl.found=false}: anything not listed is refused. The
 * script the deployments run ({@code deploy/compose/kafka/apply-kafka-acls.sh}, {@code deploy/k8s/base/apply-kafka-acls.sh})
 * is rendered from this class by {@link #script()} and a test keeps it equal; the integration test applies
 * {@link #bindings()} to an embedded broker.
 */
public final class KafkaAccess {

    /** The SASL mechanism of every client: passwords are never stored, only salted SCRAM verifiers. */
    public static final String MECHANISM = "SCRAM-SHA-512";

    public record Service(String name, Set<String> writes, Set<String> reads, Set<String> creates, Set<String> groups) {

        public Service {
            writes = new TreeSet<>(writes);
            reads = new TreeSet<>(reads);
            creates = new TreeSet<>(creates);
            groups = new TreeSet<>(groups);
        }

        public String principal() {
            return "User:" + name;
        }

        /** The environment variable holding this service's Kafka password, e.g. {@code MELDSPOOR_KAFKA_PASSWORD_CASE_SERVICE}. */
        public String passwordVariable() {
            return "MELDSPOOR_KAFKA_PASSWORD_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
        }
    }

    private static final String CASES = Topics.CASE_EVENTS;
    private static final String SIGNALS = Topics.SIGNAL_EVENTS;
    private static final String STAFF = Topics.STAFF;
    private static final String ACCESS_LOG = Topics.ACCESS_LOG;

    /** Every service and its grants; the staff topic has exactly one writer, so has each event topic. */
    public static final List<Service> SERVICES = List.of(
            new Service("case-service",
                    // its cases, the staff directory it keeps, the reads it logs; dead letters of its intake and case views
                    Set.of(CASES, STAFF, ACCESS_LOG, topicOf(SIGNALS), topicOf(ACCESS_LOG)),
                    // the signal intake (escalations), the case views (who read a case), the staff directory
                    Set.of(SIGNALS, ACCESS_LOG, STAFF, topicOf(SIGNALS), topicOf(ACCESS_LOG)),
                    Set.of(CASES, STAFF, ACCESS_LOG, SIGNALS, topicOf(SIGNALS), topicOf(ACCESS_LOG)),
                    Set.of("case-service.")),
            new Service("signal-service",
                    // its pupil files and incidents, the reads it logs; dead letters of its case holds
                    Set.of(SIGNALS, ACCESS_LOG, topicOf(CASES)),
                    // the staff directory; the case holds (which cases of a pupil are open or closed since when, so
                    // that a pupil file's text is not erased while a case holds its signals)
                    Set.of(STAFF, CASES, topicOf(CASES)),
                    Set.of(SIGNALS, ACCESS_LOG, STAFF, CASES, topicOf(CASES)),
                    Set.of("signal-service.")),
            new Service("reporting-service",
                    Set.of(ACCESS_LOG, topicOf(CASES), topicOf(SIGNALS), topicOf(ACCESS_LOG)),
                    Set.of(CASES, SIGNALS, ACCESS_LOG, STAFF, topicOf(CASES), topicOf(SIGNALS), topicOf(ACCESS_LOG)),
                    Set.of(CASES, SIGNALS, ACCESS_LOG, STAFF, topicOf(CASES), topicOf(SIGNALS), topicOf(ACCESS_LOG)),
                    Set.of("reporting.")),
            new Service("notification-service",
                    Set.of(topicOf(CASES), topicOf(SIGNALS)),
                    Set.of(CASES, SIGNALS, STAFF, topicOf(CASES), topicOf(SIGNALS)),
                    // the access-log topic is declared by every web service's platform; it writes no record to it
                    Set.of(CASES, SIGNALS, ACCESS_LOG, STAFF, topicOf(CASES), topicOf(SIGNALS)),
                    Set.of("notification-service")));

    private KafkaAccess() {
    }

    public static Service service(String name) {
        return SERVICES.stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Kafka principal " + name));
    }

    /** The ACLs of every service, as the broker stores them. */
    public static List<AclBinding> bindings() {
        List<AclBinding> bindings = new ArrayList<>();
        for (Service service : SERVICES) {
            service.writes().forEach(topic -> bindings.add(allow(service, topic(topic), AclOperation.WRITE)));
            service.reads().forEach(topic -> bindings.add(allow(service, topic(topic), AclOperation.READ)));
            service.creates().forEach(topic -> {
                bindings.add(allow(service, topic(topic), AclOperation.CREATE));
                // Spring's KafkaAdmin describes a declared topic first; CREATE alone does not include DESCRIBE
                bindings.add(allow(service, topic(topic), AclOperation.DESCRIBE));
            });
            service.groups().forEach(group -> bindings.add(allow(service, group(group), AclOperation.READ)));
        }
        return List.copyOf(bindings);
    }

    /**
     * The client settings of a service: SASL/SCRAM as {@code name}. Spring Boot takes the same keys from
     * {@code spring.kafka.properties.*} (environment: {@code SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL},
     * {@code …_SASL_MECHANISM}, {@code …_SASL_JAAS_CONFIG}).
     */
    public static Map<String, Object> clientProperties(String name, String password, String securityProtocol) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("security.protocol", securityProtocol);
        properties.put("sasl.mechanism", MECHANISM);
        properties.put("sasl.jaas.config", jaasConfig(name, password));
        return properties;
    }

    public static String jaasConfig(String name, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + name + "\" password=\"" + password + "\";";
    }

    /**
     * The script an init container runs with the admin's credential: it creates (or rotates) each service's
     * SCRAM credential from the environment and adds the ACLs. Adding an ACL that exists changes nothing, so
     * it runs on every start; an ACL removed from this class has to be removed by hand ({@code kafka-acls.sh --remove}).
     */
    public static String script() {
        StringBuilder out = new StringBuilder();
        out.append("""
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
                  "$KAFKA_BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --alter \\
                    --entity-type users --entity-name "$1" --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]"
                }

                allow() {
                  principal="$1"; shift
                  "$KAFKA_BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --add \\
                    --allow-principal "User:$principal" "$@"
                }
                """);
        for (Service service : SERVICES) {
            out.append('\n').append("# ").append(service.name()).append('\n');
            out.append("scram_user ").append(service.name()).append(" \"${").append(service.passwordVariable())
                    .append(":?set ").append(service.passwordVariable()).append("}\"\n");
            topicLine(out, service, "--operation Write", service.writes());
            topicLine(out, service, "--operation Read", service.reads());
            topicLine(out, service, "--operation Create --operation Describe", service.creates());
            for (String group : service.groups()) {
                out.append("allow ").append(service.name()).append(" --operation Read")
                        .append(group.endsWith(".") ? " --resource-pattern-type prefixed" : "")
                        .append(" --group ").append(group).append('\n');
            }
        }
        out.append("\necho \"Kafka credentials and ACLs applied\"\n");
        return out.toString();
    }

    private static void topicLine(StringBuilder out, Service service, String operations, Set<String> topics) {
        if (topics.isEmpty()) {
            return;
        }
        out.append("allow ").append(service.name()).append(' ').append(operations);
        topics.forEach(topic -> out.append(" --topic ").append(topic));
        out.append('\n');
    }

    private static ResourcePattern topic(String name) {
        return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
    }

    private static ResourcePattern group(String name) {
        return name.endsWith(".")
                ? new ResourcePattern(ResourceType.GROUP, name, PatternType.PREFIXED)
                : new ResourcePattern(ResourceType.GROUP, name, PatternType.LITERAL);
    }

    private static AclBinding allow(Service service, ResourcePattern resource, AclOperation operation) {
        return new AclBinding(resource, new AccessControlEntry(service.principal(), "*", operation, AclPermissionType.ALLOW));
    }
}
