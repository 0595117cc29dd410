package app.herald.mail.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sends plain-text e-mail through the SMTP server that configuration names (mail.*). */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    @Inject
    @ConfigProperty(name = "mail.host")
    String host;
    @Inject
    @ConfigProperty(name = "mail.port")
    int port;
    @Inject
    @ConfigProperty(name = "mail.from")
    String from;
    @Inject
    @ConfigProperty(name = "mail.user")
    Optional<String> user;
    @Inject
    @ConfigProperty(name = "mail.password")
    Optional<String> password;
    @Inject
    @ConfigProperty(name = "mail.starttls")
    boolean startTls;
    /** "smtp" sends; "outbox" writes each mail as an .eml file into the data directory, for demos and trials. */
    @Inject
    @ConfigProperty(name = "mail.delivery", defaultValue = "smtp")
    String delivery;
    @Inject
    @ConfigProperty(name = "herald.data-dir")
    String dataDir;

    private Session session;

    @PostConstruct
    void connect() {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        props.put("mail.smtp.starttls.enable", String.valueOf(startTls));
        props.put("mail.smtp.starttls.required", String.valueOf(startTls));
        boolean auth = user.filter(u -> !u.isBlank()).isPresent();
        props.put("mail.smtp.auth", String.valueOf(auth));
        session = auth ? Session.getInstance(props, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(user.orElseThrow(), password.orElse(""));
            }
        }) : Session.getInstance(props);
    }

    private Path writeToOutbox(MimeMessage message) throws IOException, MessagingException {
        Path outbox = Files.createDirectories(Path.of(dataDir, "outbox"));
        Path file = outbox.resolve(System.currentTimeMillis() + "-" + UUID.randomUUID() + ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            message.writeTo(out);
        }
        return file;
    }

    /** Sends now; a failure is reported to the caller as {@link MailNotSent}, with a message a person understands. */
    public void send(String to, String subject, String body) {
        deliver(to, subject, message -> message.setText(body, StandardCharsets.UTF_8.name()));
    }

    /** A file sent along with the text, such as a report. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    /** As {@link #send(String, String, String)}, with a file attached. */
    public void send(String to, String subject, String body, Attachment attachment) {
        deliver(to, subject, message -> {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, StandardCharsets.UTF_8.name());
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(),
                    attachment.contentType())));
            file.setFileName(attachment.fileName());
            message.setContent(new MimeMultipart(text, file));
        });
    }

    @FunctionalInterface
    private interface Body {
        void fill(MimeMessage message) throws MessagingException;
    }

    private void deliver(String to, String subject, Body body) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            body.fill(message);
            if ("outbox".equals(delivery)) {
                Path file = writeToOutbox(message);
                LOG.info(() -> "Mail \"" + subject + "\" to " + to + " written to " + file.toAbsolutePath());
                return;
            }
            Transport.send(message);
            LOG.info(() -> "Mail \"" + subject + "\" sent to " + to);
        } catch (MessagingException | IOException e) {
            LOG.warning(() -> "Mail \"" + subject + "\" to " + to + " failed: " + e.getMessage());
            throw new MailNotSent("The e-mail to " + to + " could not be sent (" + host + ":" + port
                    + " did not accept it). Nothing was changed; please try again later.", e);
        }
    }
}
