package app.herald.tracking.application;

import app.herald.analytics.infrastructure.RollupStore;
import app.herald.kernel.sql.Jdbc;
import app.herald.tenancy.application.TenantContext;
import app.herald.tracking.domain.Bots;
import app.herald.tracking.domain.Links;
import app.herald.tracking.domain.Visitors;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records a click on a tracked link of the current tenant and says where to send the visitor: always the link's
 * registered target (never an address taken from the request). People's clicks are counted once per visitor and hour;
 * bots and link previews are sent on without counting.
 */
@Stateless
public class Clicks {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;
    @Inject
    TenantContext context;
    @Inject
    TrackedLinks links;
    @Inject
    RollupStore rollups;
    @Inject
    @ConfigProperty(name = "herald.tracking.visitor-pepper", defaultValue = "herald")
    String pepper;

    /** Where the visitor goes: the target with the click's token, or empty for a code this tenant does not have. */
    public Optional<String> follow(String code, String address, String userAgent, Instant now) {
        Optional<TrackedLinks.Link> found = links.byCode(code);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TrackedLinks.Link link = found.get();
        if (Bots.isBot(userAgent)) {
            return Optional.of(link.target());
        }
        String visitor = Visitors.fingerprint(address, userAgent, pepper);
        Optional<Object[]> last = Jdbc.first(dataSource, "SELECT token, clicked_at FROM " + context.table("link_click")
                + " WHERE link_id = ? AND visitor = ? ORDER BY clicked_at DESC LIMIT 1",
                row -> new Object[] {row.getString(1), row.getLong(2)}, link.id(), visitor);
        if (last.isPresent() && Visitors.isRepeat(Instant.ofEpochMilli((Long) last.get()[1]), now)) {
            return Optional.of(Links.withClickToken(link.target(), (String) last.get()[0]));
        }
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        Jdbc.update(dataSource, "INSERT INTO " + context.table("link_click") + " (link_id, token, visitor, clicked_at) "
                + "VALUES (?, ?, ?, ?)", link.id(), token, visitor, now.toEpochMilli());
        LocalDate today = now.atZone(context.current().zone()).toLocalDate();
        rollups.clicked(link.placement(), today);
        return Optional.of(Links.withClickToken(link.target(), token));
    }
}
