package app.herald.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * A real SMTP server (GreenMail) on 127.0.0.1:3025 for the whole integration-test run, where Herald on Payara sends
 * its mail (MAIL_PORT in Failsafe's environment). Client-side tests read what arrived.
 */
public class MailForTests implements LauncherSessionListener {

    public static final int PORT = 3025;
    private static GreenMail server;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getenv("HERALD_IT_DATABASE") == null) {
            return;
        }
        server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (server != null) {
            server.stop();
        }
    }

    /** Waits for the mail to an address whose subject contains the given words, and returns its body. */
    public static String awaitMail(String to, String subjectPart) {
        try {
            return awaitMessage(to, subjectPart).getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the mail to an address whose subject contains the given words, and returns it whole. */
    public static MimeMessage awaitMessage(String to, String subjectPart) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            List<MimeMessage> messages = Arrays.asList(server.getReceivedMessages());
            for (MimeMessage message : messages) {
                try {
                    boolean addressed = Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(to));
                    if (addressed && message.getSubject().contains(subjectPart)) {
                        return message;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            server.waitForIncomingEmail(1000, messages.size() + 1);
        }
        throw new AssertionError("No mail \"" + subjectPart + "\" to " + to + " within 30 s");
    }

    /** The first link in a mail body. */
    public static String link(String body) {
        Matcher m = Pattern.compile("https?://\\S+").matcher(body);
        if (!m.find()) {
            throw new AssertionError("No link in mail:\n" + body);
        }
        return m.group();
    }
}
