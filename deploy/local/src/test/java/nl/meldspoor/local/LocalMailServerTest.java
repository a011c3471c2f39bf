package nl.meldspoor.local;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import nl.meldspoor.engines.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local SMTP server's archive: each message once, on disk before the server says it took it, numbered over restarts. */
class LocalMailServerTest {

    @TempDir
    Path archive;

    @Test
    void eachMessageIsArchivedOnceAsItArrivesAndTheNumbersGoOnAfterARestart() throws Exception {
        int port = FreePorts.free();
        try (LocalMailServer server = LocalMailServer.start(port, archive)) {
            send(port, "Herinnering", "ib-a@school.example", "af-a@school.example");
            // no waiting: Transport.send returns after the server's answer to the message, which comes after the archive
            assertThat(archived()).containsExactly("00001.eml");
            MimeMessage first = read("00001.eml");
            assertThat(first.getSubject()).isEqualTo("Herinnering");
            assertThat(first.getAllRecipients()).extracting(Object::toString)
                    .containsExactly("ib-a@school.example", "af-a@school.example");
            send(port, "Tweede", "dir-a@school.example");
            assertThat(archived()).containsExactly("00001.eml", "00002.eml");
        }
        try (LocalMailServer again = LocalMailServer.start(port, archive)) {
            send(port, "Na de herstart", "ib-a@school.example");
            assertThat(archived()).containsExactly("00001.eml", "00002.eml", "00003.eml");
            assertThat(read("00003.eml").getSubject()).isEqualTo("Na de herstart");
        }
    }

    private static void send(int port, String subject, String... to) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "localhost");
        properties.put("mail.smtp.port", String.valueOf(port));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom("meldspoor@bestuur.example");
        for (String address : to) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(address));
        }
        message.setSubject(subject);
        message.setText("Er is een termijn verstreken.");
        Transport.send(message);
    }

    private List<String> archived() throws Exception {
        try (Stream<Path> files = Files.list(archive)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private MimeMessage read(String name) throws Exception {
        try (InputStream in = Files.newInputStream(archive.resolve(name))) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}
