package nl.meldspoor.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose and k8s files give every write service credentials and a key of its own: its own database owner
 * (Flyway) and runtime role, created by the compose init script with passwords from the environment, and its own
 * key-encryption key; no secret value is written in the repository, and no service gets another's.
 */
class DeployCredentialsTest {

    private static final Path DEPLOY = Path.of("..");
    private static final Path COMPOSE = DEPLOY.resolve("compose");
    private static final List<String> WRITE_SERVICES = List.of("case-service", "signal-service");
    private static final Pattern REFERENCE = Pattern.compile("^\\$\\{(\\w+)(:[?-][^}]*)?}$");
    private static final Pattern SECRET_NAME = Pattern.compile("PASSWORD|KEY_ENCRYPTION_KEY|CREDENTIAL|SECRET");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> composeServices() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE.resolve("docker-compose.yml")));
        return (Map<String, Object>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> composeEnvironment(String service) throws IOException {
        Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) composeServices().get(service)).get("environment");
        Map<String, String> values = new HashMap<>();
        if (environment == null) {
            return values;
        }
        environment.forEach((name, value) -> values.put(name, value == null ? "" : String.valueOf(value)));
        return values;
    }

    /** The environment variable a compose value takes from the .env, or null when it is written in the file. */
    private static String referenced(String value) {
        Matcher reference = REFERENCE.matcher(value);
        return reference.matches() ? reference.group(1) : null;
    }

    @Test
    void everyWriteServiceInComposeHasItsOwnOwnerAndRuntimeRoleAndItsOwnKeyEncryptionKey() throws IOException {
        Set<String> users = new HashSet<>();
        Set<String> secretVariables = new HashSet<>();
        for (String service : WRITE_SERVICES) {
            Map<String, String> environment = composeEnvironment(service);
            String runtime = environment.get("SPRING_DATASOURCE_USERNAME");
            String owner = environment.get("SPRING_FLYWAY_USER");
            assertThat(runtime).as(service + " runtime role").isNotBlank().isNotEqualTo(owner);
            assertThat(owner).as(service + " owner role (Flyway)").isNotBlank();
            assertThat(environment.get("MELDSPOOR_DB_RUNTIME_ROLE")).as(service + ": Flyway grants to the role it connects as")
                    .isEqualTo(runtime);
            assertThat(users.add(runtime) && users.add(owner)).as(service + " roles are its own").isTrue();
            for (String secret : List.of("SPRING_DATASOURCE_PASSWORD", "SPRING_FLYWAY_PASSWORD", "MELDSPOOR_KEY_ENCRYPTION_KEY")) {
                String variable = referenced(environment.getOrDefault(secret, ""));
                assertThat(variable).as(service + " " + secret + " comes from the .env").isNotNull();
                assertThat(environment.get(secret)).as(service + " " + secret + " is required").contains(":?");
                assertThat(secretVariables.add(variable)).as(service + " " + secret + " (" + variable + ") is not shared").isTrue();
            }
        }
        assertThat(secretVariables).doesNotContain("POSTGRES_PASSWORD", "MELDSPOOR_KEY_ENCRYPTION_KEY");
    }

    @Test
    void theComposeInitScriptCreatesEachServicesRolesWithThePasswordsTheServiceUses() throws IOException {
        String sql = Files.readString(COMPOSE.resolve("init-databases.sql"));
        String shell = Files.readString(COMPOSE.resolve("init-databases.sh"));
        Map<String, String> postgres = composeEnvironment("postgres");
        assertThat(sql).as("no password written in the script").doesNotContainPattern("(?i)PASSWORD\\s+'");
        for (String service : WRITE_SERVICES) {
            Map<String, String> environment = composeEnvironment(service);
            String database = environment.get("SPRING_DATASOURCE_URL").replaceAll(".*/", "");
            for (String[] role : new String[][] {
                    {environment.get("SPRING_DATASOURCE_USERNAME"), environment.get("SPRING_DATASOURCE_PASSWORD")},
                    {environment.get("SPRING_FLYWAY_USER"), environment.get("SPRING_FLYWAY_PASSWORD")}}) {
                Matcher created = Pattern.compile("CREATE ROLE " + role[0] + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'(\\w+)';")
                        .matcher(sql);
                assertThat(created.find()).as("init-databases.sql creates " + role[0] + " without superpowers").isTrue();
                String variable = referenced(role[1]);
                assertThat(shell).as(role[0] + "'s password is the one " + service + " uses")
                        .contains("-v " + created.group(1) + "=\"$" + variable + "\"");
                assertThat(referenced(postgres.getOrDefault(variable, ""))).as("postgres gets " + variable).isEqualTo(variable);
            }
            assertThat(sql).contains("CREATE DATABASE " + database + " OWNER " + environment.get("SPRING_FLYWAY_USER") + ";")
                    .contains("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC;")
                    .contains("GRANT CONNECT ON DATABASE " + database + " TO " + environment.get("SPRING_DATASOURCE_USERNAME") + ";");
            assertThat(postgres).as("the database server has no service's key-encryption key")
                    .doesNotContainKey(referenced(environment.get("MELDSPOOR_KEY_ENCRYPTION_KEY")));
        }
    }

    @Test
    void noSecretValueIsWrittenInTheComposeFile() throws IOException {
        for (String service : composeServices().keySet()) {
            composeEnvironment(service).forEach((name, value) -> {
                if (SECRET_NAME.matcher(name).find()) {
                    assertThat(referenced(value)).as(service + " " + name + " comes from the environment, not the file").isNotNull();
                }
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> k8sEnvironment(String service) throws IOException {
        Map<String, Map<String, Object>> byName = new HashMap<>();
        for (Object document : new Yaml().loadAll(Files.readString(DEPLOY.resolve("k8s/base/" + service + ".yaml")))) {
            Map<String, Object> resource = (Map<String, Object>) document;
            if (!"Deployment".equals(resource.get("kind"))) {
                continue;
            }
            Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) resource.get("spec")).get("template")).get("spec");
            for (Object container : (List<Object>) pod.get("containers")) {
                for (Object variable : (List<Object>) ((Map<String, Object>) container).get("env")) {
                    Map<String, Object> entry = (Map<String, Object>) variable;
                    byName.put((String) entry.get("name"), entry);
                }
            }
        }
        return byName;
    }

    @SuppressWarnings("unchecked")
    private static List<String> secretRef(Map<String, Map<String, Object>> environment, String name) {
        Map<String, Object> entry = environment.get(name);
        assertThat(entry).as(name).isNotNull();
        Map<String, Object> from = (Map<String, Object>) entry.get("valueFrom");
        assertThat(from).as(name + " comes from a Secret").isNotNull().containsKey("secretKeyRef");
        Map<String, Object> ref = (Map<String, Object>) from.get("secretKeyRef");
        return List.of((String) ref.get("name"), (String) ref.get("key"));
    }

    @Test
    void everyWriteServiceInK8sTakesItsOwnRolesAndKeyFromSecretsNoOtherServiceReads() throws IOException {
        Map<String, Set<String>> secretsByService = new HashMap<>();
        List<String> services = List.of("case-service", "signal-service", "reporting-service", "notification-service");
        for (String service : services) {
            Set<String> secrets = new HashSet<>();
            for (Map<String, Object> entry : k8sEnvironment(service).values()) {
                if (entry.get("valueFrom") instanceof Map<?, ?> from && from.get("secretKeyRef") instanceof Map<?, ?> ref) {
                    secrets.add((String) ref.get("name"));
                }
            }
            secretsByService.put(service, secrets);
        }
        for (String service : WRITE_SERVICES) {
            Map<String, Map<String, Object>> environment = k8sEnvironment(service);
            List<String> runtime = secretRef(environment, "SPRING_DATASOURCE_USERNAME");
            List<String> owner = secretRef(environment, "SPRING_FLYWAY_USER");
            List<String> key = secretRef(environment, "MELDSPOOR_KEY_ENCRYPTION_KEY");
            assertThat(runtime).isNotEqualTo(owner);
            assertThat(secretRef(environment, "MELDSPOOR_DB_RUNTIME_ROLE")).isEqualTo(runtime);
            assertThat(secretRef(environment, "SPRING_DATASOURCE_PASSWORD").get(0)).isEqualTo(runtime.get(0));
            assertThat(secretRef(environment, "SPRING_FLYWAY_PASSWORD").get(0)).isEqualTo(owner.get(0));
            for (String secret : List.of(runtime.get(0), owner.get(0), key.get(0))) {
                assertThat(secret).as("named after " + service).contains(service);
                for (String other : services) {
                    if (!other.equals(service)) {
                        assertThat(secretsByService.get(other)).as(other + " does not read " + secret).doesNotContain(secret);
                    }
                }
            }
        }
    }

    @Test
    void noSecretIsWrittenInTheK8sFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(DEPLOY.resolve("k8s"))) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(Files.readString(file)).as(file + " holds no Secret").doesNotContainPattern("kind:\\s*Secret");
        }
        for (String service : List.of("case-service", "signal-service", "reporting-service", "notification-service")) {
            k8sEnvironment(service).forEach((name, entry) -> {
                if (SECRET_NAME.matcher(name).find()) {
                    assertThat(entry).as(service + " " + name + " comes from a Secret").doesNotContainKey("value");
                }
            });
        }
    }
}
