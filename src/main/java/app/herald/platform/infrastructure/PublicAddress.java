package app.herald.platform.infrastructure;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address people use to reach Herald, for links in e-mail. Configured (herald.base-url) behind a proxy;
 * otherwise taken from the request that sends the mail.
 */
@RequestScoped
public class PublicAddress {

    @Inject
    @ConfigProperty(name = "herald.base-url")
    Optional<String> configured;

    @Inject
    HttpServletRequest request;

    public String link(String pathAndQuery) {
        String base = configured.filter(s -> !s.isBlank()).map(s -> s.replaceAll("/+$", ""))
                .orElseGet(this::fromRequest);
        return base + pathAndQuery;
    }

    private String fromRequest() {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath();
    }
}
