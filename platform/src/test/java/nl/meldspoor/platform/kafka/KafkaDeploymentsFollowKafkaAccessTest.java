package nl.meldspoor.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import nl.meldspoor.api.common.Topics;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployments grant on Kafka exactly what {@link KafkaAccess} says, and give each service its own
 * credential: compose and k8s cannot drift from the one definition (there is no Docker or cluster here to
 * run them, so their files are read and compared).
 */
class KafkaDeploymentsFollowKafkaAccessTest {

    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final Path COMPOSE = DEPLOY.resolve("compose");
    private static final Path K8S = DEPLOY.resolve("k8s");
    private static final String SCRIPT = "apply-kafka-acls.sh";

    @Test
    void composeAndK8sApplyTheAclsRenderedFromTheOneDefinition() throws IOException {
        String expected = KafkaAccess.script();
        Path fresh = Path.of("target", SCRIPT);
        Files.createDirectories(fresh.getParent());
        Files.writeString(fresh, expected);
        for (Path script : List.of(COMPOSE.resolve("kafka").resolve(SCRIPT), K8S.resolve("base").resolve(SCRIPT))) {
            assertThat(Files.readString(script))
                    .as("%s is generated from KafkaAccess: copy platform/%s over it", script, fresh)
                    .isEqualTo(expected);
        }
    }

    @Test
    void onlyTheCaseServiceWritesTheStaffDirectoryAndEachEventTopicHasOneWriter() {
        assertThat(writersOf(Topics.STAFF)).containsExactly("case-service");
        assertThat(writersOf(Topics.CASE_EVENTS)).containsExactly("case-service");
        assertThat(writersOf(Topics.SIGNAL_EVENTS)).containsExactly("signal-service");
        // the access log is written by the services that hand out records, never by the notification-service
        assertThat(writersOf(Topics.ACCESS_LOG)).containsExactly("case-service", "reporting-service", "signal-service");
    }

    @Test
    void theDefinitionGrantsNothingButWriteReadCreateAndDescribeOnNamedResources() {
        for (AclBinding binding : KafkaAccess.bindings()) {
            assertThat(binding.entry().operation()).isIn(AclOperation.WRITE, AclOperation.READ, AclOperation.CREATE, AclOperation.DESCRIBE);
            assertThat(binding.pattern().resourceType()).isIn(ResourceType.TOPIC, ResourceType.GROUP);
            assertThat(binding.pattern().name()).isNotEqualTo("*").isNotBlank();
        }
    }

    @Test
    void eachComposeServiceConnectsAsItsOwnPrincipalWithItsOwnPasswordAfterTheAclsAreApplied() throws IOException {
        Map<String, Object> services = map(yaml(COMPOSE.resolve("docker-compose.yml")).get("services"));
        for (KafkaAccess.Service service : KafkaAccess.SERVICES) {
            Map<String, Object> compose = map(services.get(service.name()));
            Map<String, Object> environment = map(compose.get("environment"));
            assertThat(environment.get("SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL")).as(service.name()).isEqualTo("SASL_PLAINTEXT");
            assertThat(environment.get("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM")).as(service.name()).isEqualTo(KafkaAccess.MECHANISM);
            assertThat((String) environment.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).as(service.name())
                    .startsWith(KafkaAccess.jaasConfig(service.name(), "${" + service.passwordVariable()).replaceFirst("\";$", ""));
            assertThat(environment.keySet()).as("%s holds no other Kafka credential", service.name())
                    .noneMatch(key -> key.startsWith("MELDSPOOR_KAFKA_PASSWORD") || key.startsWith("MELDSPOOR_KAFKA_ADMIN"));
            assertThat(String.valueOf(environment)).as("%s holds no other Kafka credential", service.name())
                    .doesNotContain(otherPasswords(service)).doesNotContain("MELDSPOOR_KAFKA_ADMIN_PASSWORD");
            assertThat(map(map(compose.get("depends_on")).get("kafka-acls")).get("condition")).as(service.name())
                    .isEqualTo("service_completed_successfully");
        }
        Map<String, Object> acls = map(services.get("kafka-acls"));
        assertThat(String.valueOf(acls.get("entrypoint"))).contains("/meldspoor/" + SCRIPT);
        assertThat(map(acls.get("environment")).keySet())
                .contains("MELDSPOOR_KAFKA_ADMIN_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS")
                .containsAll(KafkaAccess.SERVICES.stream().map(KafkaAccess.Service::passwordVariable).toList());
    }

    @Test
    void composeBrokersAuthenticateEveryoneAndAllowNothingWithoutAnAcl() throws IOException {
        Map<String, Object> services = map(yaml(COMPOSE.resolve("docker-compose.yml")).get("services"));
        for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
            Map<String, Object> compose = map(services.get(broker));
            assertThat(String.valueOf(compose.get("entrypoint"))).as(broker).contains("/meldspoor/broker.sh");
            assertThat(String.valueOf(compose.get("ports"))).as("%s is not published to the host", broker).isEqualTo("null");
        }
        Map<String, String> settings = properties(Files.readString(COMPOSE.resolve("kafka").resolve("broker.sh")));
        assertThat(settings)
                .containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("allow.everyone.if.no.acl.found", "false")
                .containsEntry("super.users", "User:broker;User:admin")
                .containsEntry("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT")
                .containsEntry("listener.name.client.sasl.enabled.mechanisms", KafkaAccess.MECHANISM)
                .containsEntry("sasl.mechanism.inter.broker.protocol", KafkaAccess.MECHANISM);
        assertThat(settings.get("listeners")).doesNotContain("PLAINTEXT");
    }

    @Test
    void composeBrokerSettingsAreAValidKafkaConfiguration() throws IOException {
        String script = Files.readString(COMPOSE.resolve("kafka").resolve("broker.sh"));
        String written = script.substring(script.indexOf("<<PROPERTIES\n") + "<<PROPERTIES\n".length(), script.indexOf("\nPROPERTIES\n"))
                .replace("${KAFKA_NODE_ID}", "2").replace("${MELDSPOOR_KAFKA_BROKER_PASSWORD}", "0123abcd");
        Properties settings = new Properties();
        settings.load(new StringReader(written));
        // Kafka's own validation: listeners, SASL mechanisms per listener, KRaft controller settings
        KafkaConfig config = new KafkaConfig(settings, false);
        assertThat(config.saslMechanismInterBrokerProtocol()).isEqualTo(KafkaAccess.MECHANISM);
        assertThat(config.saslMechanismControllerProtocol()).isEqualTo("PLAIN");
        assertThat(config.listeners().toString()).doesNotContain("PLAINTEXT://");
    }

    @Test
    void eachK8sDeploymentConnectsAsItsOwnPrincipalWithItsPasswordFromTheSecret() throws IOException {
        for (KafkaAccess.Service service : KafkaAccess.SERVICES) {
            List<Map<String, Object>> env = containerEnv(K8S.resolve("base").resolve(service.name() + ".yaml"), "Deployment");
            Map<String, Map<String, Object>> byName = env.stream()
                    .collect(Collectors.toMap(entry -> (String) entry.get("name"), entry -> entry, (a, b) -> a, LinkedHashMap::new));
            assertThat(secretOf(byName.get("MELDSPOOR_KAFKA_PASSWORD"))).as(service.name()).isEqualTo("meldspoor-kafka/" + service.name());
            assertThat(byName.get("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM").get("value")).isEqualTo(KafkaAccess.MECHANISM);
            assertThat(byName.get("SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL")).as(service.name()).isNotNull();
            assertThat(byName.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG").get("value")).as(service.name())
                    .isEqualTo(KafkaAccess.jaasConfig(service.name(), "$(MELDSPOOR_KAFKA_PASSWORD)"));
            // k8s expands $(VAR) only from variables defined before it
            assertThat(new ArrayList<>(byName.keySet()).indexOf("MELDSPOOR_KAFKA_PASSWORD"))
                    .isLessThan(new ArrayList<>(byName.keySet()).indexOf("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"));
            List<String> kafkaSecrets = env.stream().map(this::secretOf)
                    .filter(secret -> secret != null && secret.startsWith("meldspoor-kafka/")).toList();
            assertThat(kafkaSecrets)
                    .as("%s holds no other Kafka credential", service.name())
                    .containsExactly("meldspoor-kafka/" + service.name());
        }
    }

    @Test
    void theK8sJobAppliesTheGeneratedScriptWithTheAdminCredential() throws IOException {
        Map<String, Object> kustomization = yaml(K8S.resolve("base").resolve("kustomization.yaml"));
        assertThat(String.valueOf(kustomization.get("resources"))).contains("kafka-acls.yaml");
        assertThat(String.valueOf(kustomization.get("configMapGenerator"))).contains("meldspoor-kafka-acls").contains(SCRIPT);
        Set<String> secrets = containerEnv(K8S.resolve("base").resolve("kafka-acls.yaml"), "Job").stream()
                .map(this::secretOf).filter(secret -> secret != null).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(List.of("meldspoor-kafka/admin"));
        KafkaAccess.SERVICES.forEach(service -> expected.add("meldspoor-kafka/" + service.name()));
        assertThat(secrets).isEqualTo(expected);
    }

    // ------------------------------------------------------------------------------------------------

    private static Set<String> writersOf(String topic) {
        return KafkaAccess.bindings().stream()
                .filter(binding -> binding.entry().operation() == AclOperation.WRITE && binding.pattern().name().equals(topic))
                .map(binding -> binding.entry().principal().substring("User:".length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String[] otherPasswords(KafkaAccess.Service service) {
        return KafkaAccess.SERVICES.stream().filter(other -> !other.equals(service))
                .map(KafkaAccess.Service::passwordVariable).toArray(String[]::new);
    }

    private List<Map<String, Object>> containerEnv(Path file, String kind) throws IOException {
        for (Map<String, Object> document : documents(file)) {
            if (kind.equals(document.get("kind"))) {
                Map<String, Object> pod = map(map(map(document.get("spec")).get("template")).get("spec"));
                List<?> containers = (List<?>) pod.get("containers");
                List<Map<String, Object>> env = new ArrayList<>();
                ((List<?>) map(containers.get(0)).get("env")).forEach(entry -> env.add(map(entry)));
                return env;
            }
        }
        throw new AssertionError("no " + kind + " in " + file);
    }

    private String secretOf(Map<String, Object> envEntry) {
        if (envEntry == null || envEntry.get("valueFrom") == null) {
            return null;
        }
        Map<String, Object> secret = map(map(envEntry.get("valueFrom")).get("secretKeyRef"));
        return secret.isEmpty() ? null : secret.get("name") + "/" + secret.get("key");
    }

    private static Map<String, String> properties(String script) {
        Map<String, String> settings = new LinkedHashMap<>();
        script.lines().filter(line -> line.matches("^[a-z][a-z0-9.-]*=.*")).forEach(line -> {
            int equals = line.indexOf('=');
            settings.put(line.substring(0, equals), line.substring(equals + 1));
        });
        return settings;
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        return documents(file).get(0);
    }

    private static List<Map<String, Object>> documents(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            // merge keys (<<: *anchor) as compose reads them
            for (Object document : new Yaml(new LoaderOptions()).loadAll(reader)) {
                if (document != null) {
                    documents.add(map(document));
                }
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
