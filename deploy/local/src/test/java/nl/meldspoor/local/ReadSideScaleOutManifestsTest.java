package nl.meldspoor.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The read side runs as two or more replicas per service in the k8s manifests, updated without downtime: a rolling
 * update that starts the new replica before stopping an old one, a readiness probe that holds traffic until the
 * replica can authorise requests, and a PodDisruptionBudget that keeps one replica through a node drain. There is no
 * cluster here, so the files are read (the behaviour of two replicas is proven on the embedded engines:
 * NotificationReplicasIT, ReadModelReplicasIT).
 */
class ReadSideScaleOutManifestsTest {

    private static final Path K8S = Path.of("..", "k8s");
    private static final List<String> READ_SIDE = List.of("reporting-service", "notification-service");

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> resources(String service) throws IOException {
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object document : new Yaml().loadAll(Files.readString(K8S.resolve("base").resolve(service + ".yaml")))) {
            resources.add((Map<String, Object>) document);
        }
        return resources;
    }

    private static Optional<Map<String, Object>> resource(String service, String kind) throws IOException {
        return resources(service).stream().filter(resource -> kind.equals(resource.get("kind"))).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> deployment) {
        return map(((List<Object>) map(map(map(deployment.get("spec")).get("template")).get("spec")).get("containers")).get(0));
    }

    @Test
    void theReadSideRunsTwoReplicasUpdatedOneAtATimeWithoutEverHavingFewerReady() throws IOException {
        for (String service : READ_SIDE) {
            Map<String, Object> spec = map(resource(service, "Deployment").orElseThrow().get("spec"));
            assertThat((Integer) spec.get("replicas")).as(service).isGreaterThanOrEqualTo(2);
            Map<String, Object> strategy = map(spec.get("strategy"));
            assertThat(strategy).as("%s: no Recreate (downtime on every deploy)", service).containsEntry("type", "RollingUpdate");
            assertThat(map(strategy.get("rollingUpdate"))).as(service).containsEntry("maxUnavailable", 0).containsEntry("maxSurge", 1);
        }
    }

    @Test
    void noDeploymentAnywhereIsRecreatedWithDowntime() throws IOException {
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("Recreate");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReplicaGetsTrafficOnlyOnceItIsStartedAndHasReadItsStaffDirectory() throws IOException {
        for (String service : READ_SIDE) {
            Map<String, Object> container = container(resource(service, "Deployment").orElseThrow());
            assertThat(map(map(container.get("readinessProbe")).get("httpGet"))).as(service)
                    .containsEntry("path", "/actuator/health/readiness").containsEntry("port", 8080);
            Map<String, Object> env = new java.util.HashMap<>();
            ((List<Object>) container.get("env")).stream().map(ReadSideScaleOutManifestsTest::map)
                    .forEach(variable -> env.put((String) variable.get("name"), variable.get("value")));
            assertThat(env).as("%s defines its readiness group", service).containsKey("MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE");
            assertThat(((String) env.get("MANAGEMENT_ENDPOINT_HEALTH_GROUP_READINESS_INCLUDE")).split(",")).as(service)
                    .containsExactlyInAnyOrder("readinessState", "staffDirectory");
            // the group names readinessState, which exists only with the probes on: else the service would not start
            assertThat(env).as(service).containsEntry("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true");
        }
    }

    @Test
    void aPodDisruptionBudgetKeepsOneReplicaServingThroughANodeDrain() throws IOException {
        for (String service : READ_SIDE) {
            Map<String, Object> deployment = resource(service, "Deployment").orElseThrow();
            Map<String, Object> budget = resource(service, "PodDisruptionBudget")
                    .orElseThrow(() -> new AssertionError(service + " has a PodDisruptionBudget"));
            assertThat(budget.get("apiVersion")).isEqualTo("policy/v1");
            Map<String, Object> spec = map(budget.get("spec"));
            assertThat(map(spec.get("selector")).get("matchLabels")).as("%s: the budget covers its pods", service)
                    .isEqualTo(map(map(deployment.get("spec")).get("selector")).get("matchLabels"));
            // maxUnavailable rather than minAvailable: an overlay that runs one replica can still be drained
            assertThat(spec).as(service).containsEntry("maxUnavailable", 1).doesNotContainKey("minAvailable");
            assertThat((Integer) map(deployment.get("spec")).get("replicas")).as("one of them keeps serving")
                    .isGreaterThan((Integer) spec.get("maxUnavailable"));
        }
    }
}
