package app.herald.kernel.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Marks the session cookie Secure, so a browser never sends it over plain http, whenever Herald is reached over https:
 * by default when its public address (herald.base-url) is an https one, or as herald.session.secure-cookie says. A
 * TLS-terminating proxy in front of Herald makes every request look like plain http to Payara, so the address and not
 * the request decides. HttpOnly comes from web.xml, SameSite=Lax from glassfish-web.xml.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(SessionCookies.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Config config = ConfigProvider.getConfig();
        boolean secure = secure(config.getOptionalValue("herald.session.secure-cookie", Boolean.class),
                config.getOptionalValue("herald.base-url", String.class));
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setSecure(secure);
        if (!secure) {
            LOG.info("The session cookie is not marked Secure: Herald's address is not an https one "
                    + "(herald.base-url, herald.session.secure-cookie)");
        }
    }

    static boolean secure(Optional<Boolean> configured, Optional<String> baseUrl) {
        return configured.orElseGet(() -> baseUrl.map(url -> url.strip().toLowerCase().startsWith("https://")).orElse(false));
    }
}
