package nl.meldspoor.notifications.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The embedded default: without a configured SMTP server (spring.mail.host) mail goes to an in-process
 * GreenMail server, which keeps it in memory; nothing leaves the machine. The inbox API and the log show
 * what was sent. With spring.mail.host set, Spring Boot's mail sender delivers real mail instead.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoMailHostConfigured.class)
class EmbeddedMailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailConfiguration.class);

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
