package app.herald.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.approval.application.ApprovalPolicies;
import app.herald.approval.domain.ApprovalMode;
import app.herald.content.application.Campaigns;
import app.herald.content.application.Channels;
import app.herald.content.application.Posts;
import app.herald.content.domain.Network;
import app.herald.content.domain.Post;
import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.publishing.application.Publications;
import app.herald.publishing.domain.Publication;
import app.herald.publishing.domain.PublicationState;
import app.herald.tenancy.application.TenantProvisioning;
import app.herald.tenancy.application.TenantRegistry;
import app.herald.testsupport.Demo;
import app.herald.testsupport.InTenant;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Analytics test fixtures on the real server: a fresh client without review, a Sandbox post that the real publisher
 * sends, and direct looks into the analytics tables and queue (to age a Sandbox post or bring a checkpoint forward).
 */
@ApplicationScoped
public class AnalyticsWorld {

    @Inject
    InTenant inTenant;
    @Inject
    Actors actors;
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantRegistry registry;
    @Inject
    ApprovalPolicies policies;
    @Inject
    Channels channels;
    @Inject
    Campaigns campaigns;
    @Inject
    Posts posts;
    @Inject
    Publications publications;
    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;

    /** A published post: where it is and what it belongs to. */
    public record Published(long tenant, long postId, long channelId, long publicationId, long campaignId) {
    }

    public Actor owner() {
        return actors.byEmail(Demo.NORTHWIND_OWNER).orElseThrow();
    }

    /** A new client with a Sandbox channel and a post that has gone out; in a campaign when a budget is given. */
    public Published publishedSandboxPost(String text, BigDecimal budget) {
        Actor owner = owner();
        long tenant = provisioning.create(owner, owner.agencyId().orElseThrow(), "Analytics " + UUID.randomUUID(),
                "Europe/Berlin").getId();
        long[] ids = inTenant.call(owner, tenant, () -> {
            policies.changeMode(owner, ApprovalMode.NONE);
            long channel = channels.add(owner, Network.SANDBOX, "@feed-" + UUID.randomUUID().toString()
                    .substring(0, 8), "Feed").getId();
            long campaign = budget == null ? 0 : campaigns.create(owner, "Launch", LocalDate.now().minusDays(3),
                    LocalDate.now().plusDays(30), "Sales", budget, "EUR", "launch-2026", "#7c3aed").getId();
            Post post = posts.draft(owner, "Post " + UUID.randomUUID(), text, Set.of(channel));
            if (budget != null) {
                posts.classify(owner, post.getId(), campaign, List.of());
            }
            posts.schedule(owner, post.getId(), Instant.now().plusSeconds(2));
            posts.submit(owner, post.getId());
            return new long[] {post.getId(), channel, campaign};
        });
        Instant deadline = Instant.now().plusSeconds(40);
        Publication publication = publication(owner, tenant, ids[0]);
        while (publication.getState() != PublicationState.PUBLISHED && Instant.now().isBefore(deadline)) {
            sleep(200);
            publication = publication(owner, tenant, ids[0]);
        }
        assertEquals(PublicationState.PUBLISHED, publication.getState(), publication.getReason());
        return new Published(tenant, ids[0], ids[1], publication.getId(), ids[2]);
    }

    private Publication publication(Actor owner, long tenant, long postId) {
        return inTenant.call(owner, tenant, () -> publications.ofPost(postId)).get(0);
    }

    public ZoneId zone(Published p) {
        return registry.find(p.tenant()).orElseThrow().getZone();
    }

    /** Pretends the Sandbox post went out earlier, so that its generated numbers have grown. */
    public void ageSandboxPost(Published p, Duration by) {
        update("UPDATE " + table(p, "sandbox_post") + " SET posted_at = posted_at - ? WHERE channel_id = ?",
                by.toMillis(), p.channelId());
    }

    /** Brings the post's next checkpoint forward to now; the dispatcher takes it within its tick. */
    public void measureNow(Published p) {
        assertEquals(1, update("UPDATE job SET due_at = ? WHERE queue = 'analytics' AND tenant_id = ? AND kind = 'POST' "
                + "AND subject_id = ? AND state = 'QUEUED'", System.currentTimeMillis(), p.tenant(),
                p.publicationId()), "the post has a queued measurement");
    }

    /** Waits until the post has been read {@code n} times; answers its lifetime impressions. */
    public long awaitCheckpoints(Published p, int n) {
        Instant deadline = Instant.now().plusSeconds(40);
        while (performance(p, "checkpoints") < n && Instant.now().isBefore(deadline)) {
            sleep(250);
        }
        assertEquals(n, performance(p, "checkpoints"), "checkpoints read");
        return performance(p, "impressions");
    }

    public long performance(Published p, String column) {
        return single("SELECT COALESCE(" + column + ", -1) FROM " + table(p, "post_performance")
                + " WHERE publication_id = ?", p.publicationId());
    }

    public long rollupSum(Published p, String column) {
        return single("SELECT COALESCE(SUM(" + column + "), -1) FROM " + table(p, "daily_rollup")
                + " WHERE channel_id = ?", p.channelId());
    }

    public long count(String table, Published p) {
        return single("SELECT COUNT(*) FROM " + table(p, table) + " WHERE publication_id = ?", p.publicationId());
    }

    public long tableCount(long tenant, String table) {
        return single("SELECT COUNT(*) FROM " + registry.find(tenant).orElseThrow().getSchema().value() + "."
                + table);
    }

    /** The code of the post's tracked short link, as the Sandbox received it in the text. */
    public String shortCode(Published p) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT text FROM " + table(p, "sandbox_post")
                     + " WHERE channel_id = ?")) {
            s.setLong(1, p.channelId());
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "the post is on the Sandbox");
                Matcher m = Pattern.compile("/l/([A-Za-z0-9]+)").matcher(r.getString(1));
                assertTrue(m.find(), "the link was replaced by a short link: " + r.getString(1));
                return m.group(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String table(Published p, String name) {
        return registry.find(p.tenant()).orElseThrow().getSchema().value() + "." + name;
    }

    private long single(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), sql);
                return r.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
