package app.herald.kernel.web;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address people use to reach Herald, for links in e-mail. Configured (herald.base-url) behind a proxy and in
 * production; otherwise taken from the request that sends the mail.
 */
@Dependent
public class PublicAddress {

    @Inject
    @ConfigProperty(name = "herald.base-url")
    Optional<String> configured;

    @Inject
    HttpServletRequest request;

    public String link(String pathAndQuery) {
        String base = configured.filter(s -> !s.isBlank()).map(s -> s.replaceAll("/+$", ""))
                .orElseGet(this::fromRequestOrDefault);
        return base + pathAndQuery;
    }

    /** Work outside an HTTP request (start-up, timers) has no request to ask: then the local default is used. */
    private String fromRequestOrDefault() {
        try {
            return fromRequest();
        } catch (RuntimeException noRequest) {
            return "http://localhost:8080";
        }
    }

    private String fromRequest() {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath();
    }
}
