package nl.meldspoor.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One service running as its own process from its executable jar, with its log in a file; it can be stopped and started again. */
final class ServiceProcess implements AutoCloseable {

    private static final int LINES_SHOWN = 60;

    private final String name;
    private final int port;
    private final Path root;
    private final Path log;
    private final List<String> command;
    private final java.util.Map<String, String> environment;
    private Process process;

    private ServiceProcess(String name, int port, Path root, Path log, List<String> command, java.util.Map<String, String> environment) {
        this.name = name;
        this.port = port;
        this.root = root;
        this.log = log;
        this.command = command;
        this.environment = java.util.Map.copyOf(environment);
    }

    /**
     * @param jvmOptions  the JVM's options, with an explicit heap ({@link LocalSettings#jvmOptions()})
     * @param environment added to the process's environment: secrets go there, not on its command line
     */
    static ServiceProcess start(String name, Path root, int port, Path logDirectory, List<String> jvmOptions, List<String> arguments,
                                java.util.Map<String, String> environment) throws IOException {
        Path jar = executableJar(root, name);
        Files.createDirectories(logDirectory);
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(List.of("-Daxoniq.update-checker.disabled=true", "-jar", jar.toString(), "--server.port=" + port));
        command.addAll(arguments);
        ServiceProcess service = new ServiceProcess(name, port, root, logDirectory.resolve(name + ".log"), List.copyOf(command), environment);
        service.start();
        return service;
    }

    /** Starts the process (again, after {@link #close()}), appending to its log. */
    void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        process = builder
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    private static Path executableJar(Path root, String name) throws IOException {
        Path target = root.resolve(name).resolve("target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                var jar = files.filter(file -> file.getFileName().toString().matches(name + "-.*-exec\\.jar")).findFirst();
                if (jar.isPresent()) {
                    return jar.get();
                }
            }
        }
        throw new IllegalStateException("No executable jar of " + name + " in " + target + ": build first with ./mvnw -q -DskipTests package");
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Waits until the service reports itself healthy. */
    void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting (exit " + process.exitValue() + "); see " + log + lastLines());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " did not become healthy within " + timeout + "; see " + log + lastLines());
    }

    /** The end of the log, so that a failed start explains itself where only the exception is kept (a CI run's report). */
    private String lastLines() {
        try {
            List<String> lines = Files.readAllLines(log);
            List<String> tail = lines.subList(Math.max(0, lines.size() - LINES_SHOWN), lines.size());
            return System.lineSeparator() + String.join(System.lineSeparator(), tail);
        } catch (IOException | UncheckedIOException unreadable) {
            return " (log unreadable: " + unreadable.getMessage() + ")";
        }
    }

    String name() {
        return name;
    }

    /** The running process's id (for a look at its command line and memory in /proc); -1 when it is not running. */
    long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** Asks the process to stop (SIGTERM) without waiting for it, so that several services stop side by side. */
    void askToStop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        askToStop();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
