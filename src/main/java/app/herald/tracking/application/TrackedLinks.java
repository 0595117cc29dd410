package app.herald.tracking.application;

import app.herald.analytics.infrastructure.RollupStore;
import app.herald.content.application.Campaigns;
import app.herald.content.application.Posts;
import app.herald.content.domain.Network;
import app.herald.kernel.sql.Jdbc;
import app.herald.publishing.domain.LinkTracking;
import app.herald.tenancy.application.TenantContext;
import app.herald.tracking.domain.Links;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes each link of a post about to go out a short link on Herald's own address ({@code /l/<code>}) whose target is
 * the original link with UTM parameters. A code is random (not guessable from its neighbours) and is registered in
 * the platform's link_route so that the redirect finds its tenant; the link itself stays in the tenant's schema.
 */
@ApplicationScoped
public class TrackedLinks implements LinkTracking {

    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;
    @Inject
    TenantContext context;
    @Inject
    Posts posts;
    @Inject
    Campaigns campaigns;
    @Inject
    @ConfigProperty(name = "herald.base-url", defaultValue = "http://localhost:8080")
    String baseUrl;
    @Inject
    @ConfigProperty(name = "herald.tracking.enabled", defaultValue = "true")
    boolean enabled;

    /** A tracked link as the redirect needs it. */
    public record Link(long id, String code, long publicationId, long postId, long channelId, Long campaignId,
                       String target) {

        public RollupStore.Placement placement() {
            return new RollupStore.Placement(publicationId, postId, channelId, campaignId);
        }
    }

    @Override
    public String track(long publicationId, long postId, long channelId, Network network, String text) {
        if (!changes(text)) {
            return text;
        }
        String shortBase = shortUrl("");
        Long campaignId = posts.find(postId).getCampaignId().orElse(null);
        String utmCampaign = campaignId == null ? null : campaigns.find(campaignId).getUtmCampaign();
        return Links.replace(text, url -> url.startsWith(shortBase) ? url
                : shortBase + codeFor(publicationId, postId, channelId, campaignId, url,
                        Links.tagged(url, network.name(), utmCampaign, postId)));
    }

    @Override
    public boolean changes(String text) {
        return enabled && !Links.in(text).isEmpty();
    }

    /** The address a code is published under (the one its posts carry). */
    public String shortUrl(String code) {
        return baseUrl.replaceAll("/+$", "") + "/l/" + code;
    }

    /** The current tenant's link with this code. */
    public Optional<Link> byCode(String code) {
        return Jdbc.first(dataSource, "SELECT id, code, publication_id, post_id, channel_id, campaign_id, target_url "
                + "FROM " + context.table("tracked_link") + " WHERE code = ?", row -> new Link(row.getLong(1),
                row.getString(2), row.getLong(3), row.getLong(4), row.getLong(5), Jdbc.longOrNull(row, 6),
                row.getString(7)), code);
    }

    /** A tracked link's results: where it points and what it brought. */
    public record LinkStats(long id, String code, String originalUrl, long postId, long clicks, long conversions,
                            long conversionValueCents) {

        public String getCode() {
            return code;
        }

        public String getOriginalUrl() {
            return originalUrl;
        }

        public long getPostId() {
            return postId;
        }

        public long getClicks() {
            return clicks;
        }

        public long getConversions() {
            return conversions;
        }

        public java.math.BigDecimal getConversionValue() {
            return java.math.BigDecimal.valueOf(conversionValueCents, 2);
        }
    }

    /** The current tenant's most recent tracked links with their counted clicks and conversions. */
    public java.util.List<LinkStats> stats(int max) {
        return statsBelow(Long.MAX_VALUE, max);
    }

    /** As {@link #stats(int)}, from the link made before the given one (a list's next page). */
    public java.util.List<LinkStats> statsBelow(long belowId, int max) {
        return Jdbc.list(dataSource, "SELECT l.id, l.code, l.original_url, l.post_id, "
                + "(SELECT COUNT(*) FROM " + context.table("link_click") + " c WHERE c.link_id = l.id), "
                + "(SELECT COUNT(*) FROM " + context.table("conversion") + " v WHERE v.link_id = l.id), "
                + "(SELECT COALESCE(SUM(v.value_cents), 0) FROM " + context.table("conversion") + " v "
                + "WHERE v.link_id = l.id) FROM " + context.table("tracked_link") + " l WHERE l.id < ? "
                + "ORDER BY l.id DESC LIMIT ?",
                row -> new LinkStats(row.getLong(1), row.getString(2), row.getString(3), row.getLong(4),
                        row.getLong(5), row.getLong(6), row.getLong(7)), belowId, max);
    }

    /** The tenant that owns a code, from the platform's routes; empty for a code Herald never issued. */
    public Optional<Long> tenantOf(String code) {
        if (code == null || !code.matches("[A-Za-z0-9]{4,16}")) {
            return Optional.empty();
        }
        return Jdbc.first(dataSource, "SELECT tenant_id FROM link_route WHERE code = ?", row -> row.getLong(1), code);
    }

    private String codeFor(long publicationId, long postId, long channelId, Long campaignId, String original,
                           String target) {
        Optional<String> existing = Jdbc.first(dataSource, "SELECT code FROM " + context.table("tracked_link")
                + " WHERE publication_id = ? AND original_url = ?", row -> row.getString(1), publicationId, original);
        if (existing.isPresent()) {
            return existing.get();
        }
        String code = freshCode();
        long now = System.currentTimeMillis();
        Jdbc.update(dataSource, "INSERT INTO link_route (code, tenant_id, created_at) VALUES (?, ?, ?)", code,
                context.current().id(), now);
        Jdbc.update(dataSource, "INSERT INTO " + context.table("tracked_link") + " (code, publication_id, post_id, "
                + "channel_id, campaign_id, original_url, target_url, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                code, publicationId, postId, channelId, campaignId, original, target, now);
        return code;
    }

    private String freshCode() {
        while (true) {
            StringBuilder code = new StringBuilder(CODE_LENGTH);
            for (int i = 0; i < CODE_LENGTH; i++) {
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            if (Jdbc.first(dataSource, "SELECT code FROM link_route WHERE code = ?", row -> row.getString(1),
                    code.toString()).isEmpty()) {
                return code.toString();
            }
        }
    }
}
