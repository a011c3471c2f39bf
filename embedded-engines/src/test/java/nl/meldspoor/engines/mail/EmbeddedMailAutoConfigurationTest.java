package nl.meldspoor.engines.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** A service that sends mail and has no SMTP server configured sends it to an in-process GreenMail; nothing leaves the machine. */
class EmbeddedMailAutoConfigurationTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedMailAutoConfiguration.class, MailSenderAutoConfiguration.class));

    @Test
    void withoutAMailHostTheMailGoesToTheEmbeddedSmtpServer() {
        service.run(context -> {
            GreenMail smtp = context.getBean(GreenMail.class);
            SimpleMailMessage mail = new SimpleMailMessage();
            mail.setFrom("meldspoor@localhost");
            mail.setTo("ib-a@vlinder.example");
            mail.setSubject("Nieuw signaal");
            mail.setText("Er is een signaal vastgelegd.");
            context.getBean(JavaMailSender.class).send(mail);

            MimeMessage[] received = smtp.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getSubject()).isEqualTo("Nieuw signaal");
        });
    }

    @Test
    void withAMailHostNothingStartsAndTheMailGoesThere() {
        service.withPropertyValues("spring.mail.host=smtp.bestuur.example").run(context -> {
            assertThat(context).doesNotHaveBean(GreenMail.class);
            assertThat(context.getBean(JavaMailSenderImpl.class).getHost()).isEqualTo("smtp.bestuur.example");
        });
    }

    @Test
    void aServiceThatSendsNoMailStartsNoSmtpServer() {
        service.withClassLoader(new FilteredClassLoader(JavaMailSenderImpl.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(GreenMail.class));
    }
}
