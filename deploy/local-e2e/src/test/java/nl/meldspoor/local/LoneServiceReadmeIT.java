package nl.meldspoor.local;

import nl.meldspoor.engines.FreePorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise that every service also runs on its own, tested with the README's own commands: the
 * fenced block of the section "Every service also runs on its own" is read from README.md and run as written —
 * the local issuer alone, then the service from its built jar with the documented environment — only the ports
 * are moved to free ones and the working directory to a temporary one. One service (the case-service) is
 * enough: every service gets its issuer and its refusal to start without one from the same platform security.
 */
// its issuer and its service are JVMs of their own, each service with its own engines: it runs beside the shared
// system's classes, which it neither reads nor writes
class LoneServiceReadmeIT {

    private static final String SECTION = "Every service also runs on its own";
    private static final String ISSUER_VARIABLE = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI";
    private static final Duration STARTUP = Duration.ofMinutes(3);
    /** How the README adds the embedded engines to a service's jar, which does not contain them (PropertiesLauncher). */
    private static final String LOADER_PATH = "-Dloader.path=";

    private final Path root = Path.of(System.getProperty("meldspoor.local.root", ".")).toAbsolutePath().normalize();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path workingDirectory;

    /** One command line of the README: its environment assignments, then the command. */
    record Command(Map<String, String> environment, List<String> arguments) {

        boolean startsTheIssuer() {
            return arguments.contains(LocalSystem.ISSUER_ONLY);
        }
    }

    @Test
    void theReadmesCommandsStartALoneServiceThatAnswersTheIssuersTokens() throws Exception {
        List<Command> commands = readmeCommands();
        Command issuerCommand = commands.stream().filter(Command::startsTheIssuer).findFirst()
                .orElseThrow(() -> new AssertionError("The README block has no command with " + LocalSystem.ISSUER_ONLY));
        Command serviceCommand = serviceCommand(commands);
        URI documentedIssuer = URI.create(serviceCommand.environment().getOrDefault(ISSUER_VARIABLE, ""));
        assertThat(documentedIssuer.getHost() + ":" + documentedIssuer.getPort())
                .as("the README points the service at the local issuer's default address (MELDSPOOR_LOCAL_ISSUER_PORT unset)")
                .isEqualTo("localhost:9000");

        int issuerPort = freePort();
        String issuer = "http://localhost:" + issuerPort;
        Process issuerProcess = run(issuerCommand, Map.of("MELDSPOOR_LOCAL_ISSUER_PORT", Integer.toString(issuerPort)), "issuer");
        int servicePort = freePort();
        Map<String, String> serviceEnvironment = new LinkedHashMap<>();
        serviceEnvironment.put(ISSUER_VARIABLE, documentedIssuer.toString().replace(
                documentedIssuer.getScheme() + "://" + documentedIssuer.getAuthority(), issuer));
        serviceEnvironment.put("PORT", Integer.toString(servicePort));
        Process service = run(serviceCommand, serviceEnvironment, "service");
        String url = "http://localhost:" + servicePort;

        awaitUp(issuerProcess, "issuer", issuer + "/.well-known/openid-configuration", body -> body.contains("\"issuer\""));
        awaitUp(service, "service", url + "/actuator/health", body -> body.contains("\"UP\""));

        LocalTokens tokens = new LocalTokens(issuer);
        assertThat(send(url + "/api/me", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> grant = send(url + "/api/staff/ib-a/roles", tokens.authorization(DemoStaff.ADMINISTRATOR),
                "{\"role\":\"CARE_COORDINATOR\",\"scope\":\"school-a\"}");
        assertThat(grant.statusCode()).as(grant.body()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> me = send(url + "/api/me", tokens.authorization("ib-a"), null);
            assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
            assertThat(me.body()).contains("ib-a").contains("CARE_COORDINATOR").contains("school-a");
        });
    }

    @Test
    void withoutAnIssuerTheLoneServiceRefusesToStartWithOneClearMessageAndNoStackTrace() throws Exception {
        Command serviceCommand = serviceCommand(readmeCommands());
        Map<String, String> environment = new LinkedHashMap<>(serviceCommand.environment());
        environment.remove(ISSUER_VARIABLE);
        Process service = run(new Command(environment, serviceCommand.arguments()), Map.of("PORT", Integer.toString(freePort())), "no-issuer");

        assertThat(service.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)).as("the service stops by itself").isTrue();
        String output = Files.readString(workingDirectory.resolve("no-issuer.log"));
        assertThat(service.exitValue()).as(output).isNotZero();
        assertThat(output).contains(ISSUER_VARIABLE).contains(LocalSystem.ISSUER_ONLY);
        assertThat(output.lines().filter(line -> line.matches("\\s+at [\\w.$]+\\(.*\\)")).toList()).as("stack trace lines").isEmpty();
        assertThat(output).as("no engine is started for nothing").doesNotContain("Embedded PostgreSQL started");
    }

    @Test
    void withoutTheEmbeddedEnginesTheLoneServiceRefusesToStartNamingTheAddressesAndHowToAddThem() throws Exception {
        Command documented = serviceCommand(readmeCommands());
        assertThat(documented.arguments()).as("the README adds the embedded engines to the lone service")
                .anyMatch(argument -> argument.startsWith(LOADER_PATH));
        List<String> withoutEngines = documented.arguments().stream().filter(argument -> !argument.startsWith(LOADER_PATH)).toList();
        Process service = run(new Command(documented.environment(), withoutEngines), Map.of("PORT", Integer.toString(freePort())),
                "no-engines");

        assertThat(service.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)).as("the service stops by itself").isTrue();
        String output = Files.readString(workingDirectory.resolve("no-engines.log"));
        assertThat(service.exitValue()).as(output).isNotZero();
        assertThat(output).contains("SPRING_DATASOURCE_URL").contains("SPRING_KAFKA_BOOTSTRAP_SERVERS")
                .contains("-Dloader.path=embedded-engines/target/engines");
        assertThat(output.lines().filter(line -> line.matches("\\s+at [\\w.$]+\\(.*\\)")).toList()).as("stack trace lines").isEmpty();
        assertThat(output).as("no engine in the production jar").doesNotContain("Embedded PostgreSQL started");
    }

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** The README's block, one {@link Command} per line (continuations joined, comments and a trailing {@code &} dropped). */
    private List<Command> readmeCommands() throws IOException {
        Path readme = root.resolve("README.md");
        String text = Files.readString(readme);
        int section = text.indexOf(SECTION);
        int nextHeading = section < 0 ? -1 : text.indexOf("\n## ", section);
        Matcher block = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL)
                .matcher(section < 0 ? "" : text.substring(section, nextHeading < 0 ? text.length() : nextHeading));
        if (!block.find()) {
            fail(readme + " has no ```bash block in its section \"" + SECTION + "\": that block must hold the commands that run a "
                    + "service alone — the local issuer (java -jar deploy/local/target/meldspoor-local-…-exec.jar " + LocalSystem.ISSUER_ONLY
                    + ") and a service jar with " + ISSUER_VARIABLE + " pointing at it");
        }
        List<Command> commands = new ArrayList<>();
        for (String line : block.group(1).replaceAll("\\\\\\n\\s*", " ").split("\\n")) {
            String command = line.replaceAll("\\s+#.*$", "").strip().replaceAll("\\s*&$", "");
            if (command.isEmpty() || command.startsWith("#")) {
                continue;
            }
            Map<String, String> environment = new LinkedHashMap<>();
            List<String> words = new ArrayList<>(Arrays.asList(command.split("\\s+")));
            while (!words.isEmpty() && words.get(0).matches("[A-Z_][A-Z0-9_]*=.*")) {
                String assignment = words.remove(0);
                environment.put(assignment.substring(0, assignment.indexOf('=')), assignment.substring(assignment.indexOf('=') + 1));
            }
            assertThat(words).as("a README command runs an executable jar: " + line).startsWith("java").contains("-jar");
            commands.add(new Command(environment, words));
        }
        return commands;
    }

    private static Command serviceCommand(List<Command> commands) {
        return commands.stream().filter(command -> !command.startsTheIssuer()).findFirst()
                .orElseThrow(() -> new AssertionError("The README block has no command that starts a service"));
    }

    /** Runs the command as written, from the repository's jar, in the temporary working directory. */
    private Process run(Command command, Map<String, String> moreEnvironment, String name) throws IOException {
        List<String> arguments = new ArrayList<>(command.arguments());
        arguments.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        int jarIndex = arguments.indexOf("-jar") + 1;
        Path jar = root.resolve(arguments.get(jarIndex));
        assertThat(jar).as("the jar the README runs; build it first (./mvnw -DskipTests package)").exists();
        arguments.set(jarIndex, jar.toString());
        for (int option = 1; option < jarIndex; option++) {
            // the README runs from the repository's root; here the working directory is a temporary one
            if (arguments.get(option).startsWith(LOADER_PATH)) {
                Path engines = root.resolve(arguments.get(option).substring(LOADER_PATH.length()));
                assertThat(engines).as("the embedded engines the README adds; build them first (./mvnw -DskipTests package)").isDirectory();
                arguments.set(option, LOADER_PATH + engines);
            }
        }
        ProcessBuilder builder = new ProcessBuilder(arguments).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(workingDirectory.resolve(name + ".log").toFile());
        builder.environment().remove(ISSUER_VARIABLE);
        builder.environment().putAll(command.environment());
        builder.environment().putAll(moreEnvironment);
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private void awaitUp(Process process, String name, String url, java.util.function.Predicate<String> ready) {
        Awaitility.await().atMost(STARTUP).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError(name + " stopped (exit " + process.exitValue() + "):\n" + tail(name));
            }
            HttpResponse<String> response = send(url, null, null);
            return response.statusCode() == 200 && ready.test(response.body());
        });
    }

    private String tail(String name) throws IOException {
        List<String> lines = Files.readAllLines(workingDirectory.resolve(name + ".log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private HttpResponse<String> send(String url, String authorization, String jsonBody) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (jsonBody != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        return FreePorts.free();
    }
}
