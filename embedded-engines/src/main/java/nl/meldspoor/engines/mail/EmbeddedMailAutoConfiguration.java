package nl.meldspoor.engines.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The embedded default of a service that sends mail (the notification-service): without a configured SMTP server
 * ({@code spring.mail.host}) mail goes to an in-process GreenMail server, which keeps it in memory; nothing leaves the
 * machine. A service that sends no mail has no mail sender on its class path (this module leaves the mail libraries to
 * the service), so nothing starts there.
 */
@AutoConfiguration(before = MailSenderAutoConfiguration.class)
@ConditionalOnClass({JavaMailSenderImpl.class, MimeMessage.class})
@Conditional(NoMailHostConfigured.class)
public class EmbeddedMailAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailAutoConfiguration.class);

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail embeddedSmtpServer(@Value("${meldspoor.embedded.mail.port:0}") int port) {
        ServerSetup smtp = new ServerSetup(port, "localhost", ServerSetup.PROTOCOL_SMTP);
        smtp.setServerStartupTimeout(10_000);
        return new GreenMail(port == 0 ? smtp.dynamicPort() : smtp);
    }

    @Bean
    JavaMailSenderImpl mailSender(GreenMail embeddedSmtpServer) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(embeddedSmtpServer.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        log.info("No SMTP server configured (spring.mail.host): mail goes to the embedded GreenMail server on port {}",
                embeddedSmtpServer.getSmtp().getPort());
        return sender;
    }
}
