package nl.meldspoor.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local SMTP server (GreenMail): the notification-service's mail stays on this machine. Every
 * message received is logged and written to {@code <data>/mail} as an .eml file that any mail program opens.
 */
final class LocalMailServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalMailServer.class);

    private final GreenMail greenMail;
    private final Path archive;
    private final Thread archiver;
    /** Files in the archive, over all runs: the next file's number. */
    private int archived;
    /** Message-IDs of the messages GreenMail received in this run that are archived already (it lists them per mailbox, not in order). */
    private final Set<String> seen = new HashSet<>();

    private LocalMailServer(int port, Path archive) {
        this.greenMail = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
        this.archive = archive;
        this.archiver = new Thread(this::archiveContinuously, "meldspoor-local-mail");
        this.archiver.setDaemon(true);
    }

    static LocalMailServer start(int port, Path archive) throws IOException {
        Files.createDirectories(archive);
        LocalMailServer server = new LocalMailServer(port, archive);
        server.greenMail.start();
        server.archived = countArchived(archive);
        server.archiver.start();
        return server;
    }

    int port() {
        return greenMail.getSmtp().getPort();
    }

    Path archive() {
        return archive;
    }

    private void archiveContinuously() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                archiveNew();
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | MessagingException | RuntimeException e) {
                log.warn("Could not archive a mail message", e);
            }
        }
    }

    /** GreenMail keeps the messages of this run in memory; the archive numbers continue after a restart. */
    private void archiveNew() throws IOException, MessagingException {
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            String id = message.getMessageID() + " " + Arrays.toString(message.getAllRecipients());
            if (!seen.add(id)) {
                continue;
            }
            Path file = archive.resolve(String.format("%05d.eml", ++archived));
            try (OutputStream out = Files.newOutputStream(file)) {
                message.writeTo(out);
            }
            String to = Arrays.stream(message.getAllRecipients()).map(address -> ((InternetAddress) address).getAddress())
                    .collect(Collectors.joining(", "));
            log.info("Mail to {}: \"{}\" ({})", to, message.getSubject(), file.getFileName());
        }
    }

    private static int countArchived(Path archive) throws IOException {
        try (var files = Files.list(archive)) {
            return (int) files.filter(file -> file.getFileName().toString().endsWith(".eml")).count();
        }
    }

    @Override
    public void close() {
        archiver.interrupt();
        greenMail.stop();
    }
}
