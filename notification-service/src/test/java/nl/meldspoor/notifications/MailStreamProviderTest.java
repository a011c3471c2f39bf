package nl.meldspoor.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stream provider the service names at its start is the one on its class path, and mail subjects still encode. */
class MailStreamProviderTest {

    @AfterEach
    void forget() {
        System.clearProperty(NotificationServiceApplication.STREAM_PROVIDER);
    }

    @Test
    void theNamedProviderIsFoundAndEncodesASubject() throws Exception {
        NotificationServiceApplication.nameTheMailStreamProvider();

        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(System.getProperty(NotificationServiceApplication.STREAM_PROVIDER));
        String subject = "[Meldspoor] Dossier meldcode zonder recente activiteit — bs-005";
        assertThat(MimeUtility.decodeText(MimeUtility.encodeText(subject, "UTF-8", null))).isEqualTo(subject);
    }
}
