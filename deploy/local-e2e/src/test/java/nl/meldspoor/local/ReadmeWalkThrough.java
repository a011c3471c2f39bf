package nl.meldspoor.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The README's walk-through, run as written: the fenced {@code bash} blocks of its section are taken from README.md
 * and pasted, one after the other, into one {@code bash -euo pipefail} — so any command that fails stops the walk.
 * Two things are added around them and nothing inside them is changed but the addresses:
 * <ul>
 *     <li>the default addresses the README uses ({@code http://localhost:8081} … {@code :8084}, the issuer on
 *     {@code :9000}) are replaced by the test system's, which runs on free ports;</li>
 *     <li>a shell function {@code curl} in front records every request's arguments, HTTP status and answer in a log
 *     and passes the answer on unchanged, so the test can check what each command answered; after the blocks, the
 *     shell prints the variables the walk-through set ({@code WALK NAME=value}).</li>
 * </ul>
 */
final class ReadmeWalkThrough {

    static final String SECTION = "## Walk a case through the five steps";
    private static final Duration LIMIT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Records each request in $WALK_LOG (one line each for the arguments, the status, the answer) and passes the answer on. */
    private static final String RECORDER = """
            curl() {
              local answer status rc=0
              answer=$(command curl "$@" -w '\\n%{http_code}') || rc=$?
              status=${answer##*$'\\n'}; answer=${answer%$'\\n'*}
              { printf 'REQUEST'; printf ' %s' "${@//$'\\n'/ }"; printf '\\nSTATUS %s\\nANSWER %s\\n' "$status" "${answer//$'\\n'/ }"; } >>"$WALK_LOG"
              printf '%s' "$answer"
              return $rc
            }
            """;
    private static final String VARIABLES = """
            printf '\\nWALK %s=%s' CASE "$CASE" PUPIL "$PUPIL" SIGNAL "$SIGNAL" THEN "$THEN" TOKEN "$(token ib-a)"
            printf '\\n'
            """;

    /** One request the walk-through made. */
    record Request(String arguments, int status, String answer) {

        JsonNode json() {
            try {
                return JSON.readTree(answer);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + answer + " (" + arguments + ")", e);
            }
        }
    }

    /** What the walk-through did: its requests in order, the variables it set and its output. */
    record Walk(List<Request> requests, Map<String, String> variables, String output) {

        /** The last request whose arguments contain all the parts (a URL, a body's key), failing when there is none. */
        Request last(String... parts) {
            List<Request> matching = requests.stream().filter(request -> Stream.of(parts).allMatch(request.arguments()::contains)).toList();
            assertThat(matching).as("a request with " + List.of(parts) + " in " + this).isNotEmpty();
            return matching.get(matching.size() - 1);
        }

        @Override
        public String toString() {
            return requests.stream().map(request -> request.status() + " " + abbreviate(request.arguments()) + " -> " + abbreviate(request.answer()))
                    .reduce("", (all, one) -> all + "\n  " + one) + "\noutput:\n" + output;
        }

        private static String abbreviate(String text) {
            String withoutTokens = text.replaceAll("Bearer [\\w.-]+", "Bearer …");
            return withoutTokens.length() > 300 ? withoutTokens.substring(0, 300) + "…" : withoutTokens;
        }
    }

    private ReadmeWalkThrough() {
    }

    /** Skips the calling test, with the install command, when the shell tools the README's blocks use are missing. */
    static void assumeShellTools() {
        for (String tool : List.of("bash", "curl", "jq")) {
            Assumptions.assumeTrue(onPath(tool), "The README's walk-through needs " + tool + " (apt-get install -y curl jq): not run");
        }
    }

    /** Runs the section's blocks against the system; fails with the walk so far when the shell fails or takes too long. */
    static Walk run(Path root, LocalSystem system, Path workingDirectory) throws IOException, InterruptedException {
        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("http://localhost:8081", system.caseServiceUrl());
        addresses.put("http://localhost:8082", system.signalServiceUrl());
        addresses.put("http://localhost:8083", system.reportingServiceUrl());
        addresses.put("http://localhost:8084", system.notificationServiceUrl());
        addresses.put("http://localhost:9000", system.issuerUrl());
        String blocks = blocks(root.resolve("README.md"));
        for (Map.Entry<String, String> address : addresses.entrySet()) {
            blocks = blocks.replaceAll(Pattern.quote(address.getKey()) + "(?![0-9])", Matcher.quoteReplacement(address.getValue()));
        }
        assertThat(blocks).as("the README's blocks use only the local system's default addresses").doesNotContainPattern("localhost:(80[0-9][0-9]|9000)\\b");

        Path script = workingDirectory.resolve("walk-through.sh");
        Path log = workingDirectory.resolve("walk-through.requests");
        Path output = workingDirectory.resolve("walk-through.out");
        Files.writeString(script, RECORDER + "\n" + blocks + "\n" + VARIABLES, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        Files.createFile(log);
        ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", script.toString()).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("WALK_LOG", log.toString());
        Process shell = builder.start();
        boolean finished = shell.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            shell.descendants().forEach(ProcessHandle::destroy);
            shell.destroyForcibly().waitFor();
        }
        Walk walk = read(log, output);
        assertThat(finished).as("the walk-through finished within " + LIMIT + ":" + walk).isTrue();
        assertThat(shell.exitValue()).as("bash -euo pipefail ran every command of the walk-through:" + walk).isZero();
        return walk;
    }

    /** The fenced bash blocks of the section, in order, exactly as written. */
    static String blocks(Path readme) throws IOException {
        String text = Files.readString(readme);
        int start = text.indexOf(SECTION);
        assertThat(start).as(readme + " has the section " + SECTION).isNotNegative();
        int end = text.indexOf("\n## ", start + SECTION.length());
        Matcher block = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(text.substring(start, end < 0 ? text.length() : end));
        StringBuilder blocks = new StringBuilder();
        while (block.find()) {
            blocks.append(block.group(1)).append('\n');
        }
        assertThat(blocks).as("the section " + SECTION + " has ```bash blocks").isNotEmpty();
        return blocks.toString();
    }

    private static Walk read(Path log, Path output) throws IOException {
        List<String> lines = Files.readAllLines(log);
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i + 2 < lines.size(); i += 3) {
            String status = lines.get(i + 1).replaceFirst("^STATUS ", "");
            requests.add(new Request(lines.get(i).replaceFirst("^REQUEST ", "") + " ", status.matches("\\d+") ? Integer.parseInt(status) : -1,
                    lines.get(i + 2).replaceFirst("^ANSWER ?", "")));
        }
        String printed = Files.readString(output);
        Map<String, String> variables = new LinkedHashMap<>();
        Matcher variable = Pattern.compile("(?m)^WALK (\\w+)=(.*)$").matcher(printed);
        while (variable.find()) {
            variables.put(variable.group(1), variable.group(2));
        }
        return new Walk(requests, variables, printed.replaceAll("(?m)^WALK TOKEN=.*$", "WALK TOKEN=…"));
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, tool)));
    }
}
