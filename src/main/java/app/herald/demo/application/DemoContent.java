package app.herald.demo.application;

import app.herald.kernel.WallClock;
import app.herald.approval.application.ApprovalPolicies;
import app.herald.approval.domain.ApprovalMode;
import app.herald.content.application.Campaigns;
import app.herald.content.application.Channels;
import app.herald.content.application.MediaLibrary;
import app.herald.content.application.PostingQueue;
import app.herald.content.application.Posts;
import app.herald.content.application.Snippets;
import app.herald.content.domain.Campaign;
import app.herald.content.domain.Network;
import app.herald.content.domain.PostingSlot;
import app.herald.content.domain.Snippet;
import app.herald.engagement.application.InboxPolicy;
import app.herald.engagement.domain.InboxSettings;
import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.tenancy.application.TenantWork;
import app.herald.tenancy.domain.TenantRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A month of demo posts for a demo client, in every state of the workflow, made through the same services and
 * workflow as a person's posts (so the history and audit log are real too).
 */
@ApplicationScoped
public class DemoContent {

    /** Who writes, who reviews for the agency and who approves for the client, by e-mail. */
    public record Cast(String author, String reviewer, String client) {
    }

    private static final List<String[]> IDEAS = List.of(
            new String[] {"Monday motivation", "Start the week right with {brand}. What's on your list today?"},
            new String[] {"Behind the scenes", "A look behind the scenes at {brand}: meet the team that makes it happen."},
            new String[] {"Customer story", "\"We couldn't do without it.\" Read how our customers use {brand} every day."},
            new String[] {"New arrival", "Something new just landed at {brand}. Be the first to try it: https://example.com/new"},
            new String[] {"Weekend offer", "This weekend only: 15% off everything at {brand}. #weekend #offer"},
            new String[] {"Tip of the week", "Tip of the week from the {brand} experts: small changes, big results."},
            new String[] {"Event invitation", "Join {brand} on Thursday for an evening of talks and tastings. RSVP below!"},
            new String[] {"Poll", "Help us choose! Which {brand} favourite should come back this winter?"},
            new String[] {"Milestone", "10,000 thank-yous: {brand} just passed a milestone, and it's all thanks to you."},
            new String[] {"Holiday hours", "Holiday opening hours for {brand} are now online. Plan your visit!"});

    @Inject
    TenantWork work;
    @Inject
    Actors actors;
    @Inject
    Channels channels;
    @Inject
    Posts posts;
    @Inject
    PostingQueue queue;
    @Inject
    MediaLibrary media;
    @Inject
    Campaigns campaigns;
    @Inject
    Snippets snippets;
    @Inject
    ApprovalPolicies policies;
    @Inject
    DemoHistory history;
    @Inject
    DemoInbox inbox;
    @Inject
    InboxPolicy inboxPolicy;

    /** Loads one client's demo month, in a request of its own (a request works in one tenant). */
    public void load(long tenantId, Cast cast, String brand, ApprovalMode mode) {
        work.in(actor(cast.author()), tenantId, tenant -> {
            fill(tenant, cast, brand, mode);
            return null;
        });
    }

    private void fill(TenantRef tenant, Cast cast, String brand, ApprovalMode mode) {
        Actor author = actor(cast.author());
        if (mode != ApprovalMode.INTERNAL_THEN_CLIENT) {
            policies.changeMode(author, mode);
        }
        String slug = brand.toLowerCase().replaceAll("[^a-z]", "");
        long sandbox = channels.add(author, Network.SANDBOX, "@" + slug, brand).getId();
        long mastodon = channels.add(author, Network.MASTODON, "@" + slug + "@mastodon.social", brand).getId();
        long bluesky = channels.add(author, Network.BLUESKY, slug + ".bsky.social", brand).getId();
        channels.add(author, Network.SANDBOX, "@" + slug + "_stories", brand + " Stories");
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY)) {
            for (long channel : List.of(sandbox, mastodon)) {
                queue.addSlot(author, channel, new PostingSlot(day, LocalTime.of(9, 30)));
                queue.addSlot(author, channel, new PostingSlot(day, LocalTime.of(17, 0)));
            }
        }
        snippets.save(author, Snippet.Kind.HASHTAGS, "Brand", "#" + slug + " #coffee #local");
        snippets.save(author, Snippet.Kind.SNIPPET, "Sign-off", "See you soon at " + brand + "!");
        for (String motif : List.of("Autumn", "Team", "Offer")) {
            media.upload(author, slug + "-" + motif.toLowerCase() + ".png",
                    new java.io.ByteArrayInputStream(picture(brand, motif)));
        }
        LocalDate today = LocalDate.now(tenant.zone());
        history.fill(author.userId(), actors.activeUser(author.userId()).map(u -> u.getDisplayName())
                .orElse(cast.author()), brand, pastCampaigns(author, today, tenant));
        long launch = campaigns.create(author, "Winter launch", today.minusDays(10), today.plusDays(30),
                "Grow newsletter sign-ups by 20%", new java.math.BigDecimal("2500.00"),
                tenant.zone().getId().startsWith("America") ? "USD" : "EUR", null, "#7c3aed").getId();
        int[] days = {-8, -3, 2, 4, 6, 8, 11, 13, 16, 19};
        LocalTime[] times = {LocalTime.of(9, 0), LocalTime.of(12, 30), LocalTime.of(17, 0)};
        for (int i = 0; i < IDEAS.size(); i++) {
            String text = IDEAS.get(i)[1].replace("{brand}", brand);
            long id = posts.draft(author, IDEAS.get(i)[0], text, Set.of(sandbox, mastodon, bluesky)).getId();
            posts.save(author, id, IDEAS.get(i)[0], text, Map.of(sandbox, text, mastodon, text,
                    bluesky, text.length() > 280 ? text.substring(0, 280) : text));
            ZonedDateTime when = WallClock.at(today.plusDays(days[i]).atTime(times[i % times.length]),
                    tenant.zone());
            posts.schedule(author, id, when.toInstant());
            if (i >= 2 && i <= 6) {
                posts.classify(author, id, launch, List.of("winter", i % 2 == 0 ? "launch" : "community"));
            }
            advance(id, i, cast, mode);
        }
        Actor runner = cast.reviewer() == null ? author : actor(cast.reviewer());
        inbox.fill(runner.runs(tenant.agencyId()) ? runner : author,
                cast.reviewer() == null ? List.of(author) : List.of(author, runner), brand);
        if (mode == ApprovalMode.INTERNAL_THEN_CLIENT && cast.client() != null) {
            // A client that approves its posts approves its answers too, and sees its inbox.
            InboxSettings settings = inboxPolicy.settings();
            inboxPolicy.change(runner, ApprovalMode.INTERNAL_THEN_CLIENT, true, settings.getBusinessHours(),
                    settings.getSla());
        }
    }

    /** Three campaigns of the past year, with budgets, so that the demo's ROI table has something to say. */
    private List<Campaign> pastCampaigns(Actor author, LocalDate today, TenantRef tenant) {
        String currency = tenant.zone().getId().startsWith("America") ? "USD" : "EUR";
        return List.of(
                campaigns.create(author, "Spring collection", today.minusDays(250), today.minusDays(200),
                        "Launch the spring range", new java.math.BigDecimal("1800.00"), currency, null, "#16a34a"),
                campaigns.create(author, "Summer festival", today.minusDays(160), today.minusDays(110),
                        "Sell festival tickets", new java.math.BigDecimal("3200.00"), currency, null, "#ea580c"),
                campaigns.create(author, "Back to routine", today.minusDays(80), today.minusDays(50),
                        "Win back regulars", new java.math.BigDecimal("900.00"), currency, null, "#0891b2"));
    }

    /** Posts 0-2 approved, 3-4 with the client, 5-6 in internal review, 7 changes requested, 8 draft, 9 rejected. */
    private void advance(long id, int index, Cast cast, ApprovalMode mode) {
        if (index == 8) {
            return;
        }
        Actor author = actor(cast.author());
        posts.submit(author, id);
        if (mode == ApprovalMode.NONE || index == 5 || index == 6) {
            return;
        }
        Actor reviewer = actor(cast.reviewer());
        if (index == 7) {
            posts.requestChanges(reviewer, id, "Could we add a photo and a clearer call to action?");
            return;
        }
        posts.approve(reviewer, id, "Looks good to me.");
        if (index == 3 || index == 4) {
            return;
        }
        Actor client = actor(cast.client());
        if (index == 9) {
            posts.reject(client, id, "We are not ready to announce this yet.");
        } else {
            posts.approve(client, id, "Approved, thank you!");
        }
    }

    /** A simple branded picture, so that the demo library and composer have media to show. */
    private static byte[] picture(String brand, String motif) {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1080, 1080,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new java.awt.GradientPaint(0, 0, new java.awt.Color(Math.abs(brand.hashCode()) % 0xFFFFFF),
                1080, 1080, new java.awt.Color(Math.abs(motif.hashCode()) % 0xFFFFFF)));
        g.fillRect(0, 0, 1080, 1080);
        g.setColor(java.awt.Color.WHITE);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 96));
        g.drawString(brand, 80, 520);
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 64));
        g.drawString(motif, 80, 620);
        g.dispose();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "png", out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private Actor actor(String email) {
        return actors.byEmail(email).orElseThrow(() -> new IllegalStateException("No demo user " + email));
    }
}
