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
import app.herald.mail.domain.OutgoingMail;
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

/** Delivers e-mail from the outbox through the SMTP server that configuration names (mail.*). */
@ApplicationScoped
public class SmtpMailer {

    private static final Logger LOG = Logger.getLogger(SmtpMailer.class.getName());

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

    /**
     * Hands one mail of the outbox to the SMTP server (or the outbox folder). Its Message-ID is derived from its id,
     * so a delivery repeated after an interruption is recognisably the same mail.
     */
    public void deliver(OutgoingMail mail) {
        try {
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", "<herald-mail-" + mail.getId() + "." + mail.getCreatedAt().toEpochMilli()
                            + "@" + domainOf(from) + ">");
                }
            };
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.getRecipient()));
            message.setSubject(mail.getSubject(), StandardCharsets.UTF_8.name());
            message.setSentDate(java.util.Date.from(mail.getCreatedAt()));
            if (mail.getAttachment().isEmpty()) {
                message.setText(mail.getBody(), StandardCharsets.UTF_8.name());
            } else {
                OutgoingMail.Attachment attachment = mail.getAttachment().get();
                MimeBodyPart text = new MimeBodyPart();
                text.setText(mail.getBody(), StandardCharsets.UTF_8.name());
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(),
                        attachment.contentType())));
                file.setFileName(attachment.fileName());
                message.setContent(new MimeMultipart(text, file));
            }
            if ("outbox".equals(delivery)) {
                Path file = writeToOutbox(message);
                LOG.info(() -> "Mail \"" + mail.getSubject() + "\" to " + mail.getRecipient() + " written to "
                        + file.toAbsolutePath());
                return;
            }
            Transport.send(message);
            LOG.info(() -> "Mail \"" + mail.getSubject() + "\" sent to " + mail.getRecipient());
        } catch (MessagingException | IOException e) {
            throw new MailNotSent("The mail server " + host + ":" + port + " did not take the e-mail to "
                    + mail.getRecipient() + ": " + e.getMessage(), e);
        }
    }

    private static String domainOf(String address) {
        try {
            String plain = new InternetAddress(address).getAddress();
            return plain.substring(plain.indexOf('@') + 1);
        } catch (MessagingException e) {
            return "herald.local";
        }
    }
}
