package nl.meldspoor.local;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local SMTP server (GreenMail): the notification-service's mail stays on this machine. Every message received is
 * logged and written to {@code <data>/mail} as an .eml file that any mail program opens — before the server answers
 * that it took the message, and once however many recipients it has. The archive is the only mailbox: GreenMail keeps
 * nothing in memory, so a board's years of reminders neither fill the engines' heap nor slow the server down (it used to
 * keep every message and list them all twice a second to find the new ones).
 */
final class LocalMailServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalMailServer.class);

    private final GreenMail greenMail;
    private final Path archive;
    /** Files in the archive, over all runs: the last file's number. */
    private int archived;

    private LocalMailServer(int port, Path archive) {
        this.greenMail = new GreenMail(new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP));
        this.archive = archive;
    }

    static LocalMailServer start(int port, Path archive) throws IOException {
        Files.createDirectories(archive);
        LocalMailServer server = new LocalMailServer(port, archive);
        server.archived = countArchived(archive);
        server.greenMail.start();
        // start() makes GreenMail's managers anew, so the handler goes in after it — before any service is started
        server.greenMail.getUserManager().setMessageDeliveryHandler(server::archiveOnce);
        return server;
    }

    int port() {
        return greenMail.getSmtp().getPort();
    }

    Path archive() {
        return archive;
    }

    /** GreenMail delivers a message to each recipient in turn: it is archived at the first, and nobody keeps it. */
    private GreenMailUser archiveOnce(MovingMessage message, MailAddress recipient) throws MessagingException {
        if (recipient.equals(message.getToAddresses().iterator().next())) {
            archive(message.getMessage(), message.getToAddresses().stream().map(MailAddress::getEmail).collect(Collectors.joining(", ")));
        }
        return new ArchiveOnly(recipient.getEmail());
    }

    private synchronized void archive(MimeMessage message, String to) throws MessagingException {
        Path file = archive.resolve(String.format("%05d.eml", archived + 1));
        Path partial = archive.resolve(file.getFileName() + ".partial");
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                message.writeTo(out);
            }
            // a reader of the archive never sees half a message
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MessagingException("Could not archive the message in " + file, e);
        }
        archived++;
        log.info("Mail to {}: \"{}\" ({})", to, message.getSubject(), file.getFileName());
    }

    private static int countArchived(Path archive) throws IOException {
        try (var files = Files.list(archive)) {
            return (int) files.filter(file -> file.getFileName().toString().endsWith(".eml")).count();
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /** A recipient whose mailbox is the archive: what GreenMail delivers to it was archived already. */
    private record ArchiveOnly(String email) implements GreenMailUser {

        @Override
        public String getEmail() {
            return email;
        }

        @Override
        public String getLogin() {
            return email;
        }

        @Override
        public void deliver(MovingMessage message) {
            // archived by archiveOnce
        }

        @Override
        public void deliver(MimeMessage message) {
            // archived by archiveOnce
        }

        @Override
        public void create() {
        }

        @Override
        public void delete() {
        }

        @Override
        public String getPassword() {
            return null;
        }

        @Override
        public void setPassword(String password) {
        }

        @Override
        public void authenticate(String password) {
        }

        @Override
        public String getQualifiedMailboxName() {
            return email;
        }
    }
}
