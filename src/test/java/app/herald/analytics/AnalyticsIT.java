package app.herald.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.analytics.application.Analytics;
import app.herald.analytics.application.Dashboard;
import app.herald.analytics.domain.Basis;
import app.herald.analytics.domain.Period;
import app.herald.analytics.infrastructure.RollupQueries;
import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.testsupport.Demo;
import app.herald.testsupport.HeraldDeployment;
import app.herald.testsupport.InTenant;
import app.herald.tracking.application.ConversionKeys;
import app.herald.tracking.domain.ConversionSignature;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Analytics on the real server with the real analytics dispatcher: a published Sandbox post is measured and its
 * numbers roll up into the dashboard; its tracked link counts people's clicks once, leads to a signed conversion and
 * earns its campaign an ROI; the redirect and the conversion endpoint refuse what they should.
 */
@ExtendWith(ArquillianExtension.class)
class AnalyticsIT {

    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/131.0 Safari/537.36";

    @Deployment
    static WebArchive deployment() {
        return HeraldDeployment.war(AnalyticsIT.class, AnalyticsWorld.class);
    }

    @ArquillianResource
    URL base;
    @Inject
    AnalyticsWorld world;
    @Inject
    InTenant inTenant;
    @Inject
    Analytics analytics;
    @Inject
    ConversionKeys keys;
    @Inject
    Actors actors;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void snapshotsRollUpIntoTheDailyTotalsAndTheDashboardInBothReadings() throws Exception {
        AnalyticsWorld.Published p = world.publishedSandboxPost("Autumn blend is back", null);
        assertEquals(0, world.tableCount(p.tenant(), "daily_rollup"), "going out touches no day's rollup row: the "
                + "posts of a day are counted from their own rows");
        world.ageSandboxPost(p, Duration.ofHours(5));
        world.measureNow(p);
        long impressions1 = world.awaitCheckpoints(p, 1);
        assertTrue(impressions1 > 0, "five hours old: the Sandbox reports impressions");
        assertEquals(impressions1, world.rollupSum(p, "impressions"), "the day's rollup holds what was read");

        world.ageSandboxPost(p, Duration.ofHours(10));
        world.measureNow(p);
        long impressions2 = world.awaitCheckpoints(p, 2);
        assertTrue(impressions2 > impressions1, impressions2 + " after " + impressions1);
        assertEquals(impressions2, world.rollupSum(p, "impressions"), "the second reading added only its growth");
        assertEquals(2, world.count("metric_snapshot", p));

        Actor owner = world.owner();
        LocalDate today = LocalDate.now(world.zone(p));
        for (Basis basis : Basis.values()) {
            Dashboard d = inTenant.call(owner, p.tenant(), () -> analytics.dashboard(new Period(today, today, basis),
                    RollupQueries.Scope.ALL));
            assertEquals(impressions2, d.current().impressions(), basis + " impressions");
            assertEquals(1, d.current().postsPublished(), basis + " posts");
            assertEquals(world.performance(p, "engagements"), d.current().engagements(), basis + " engagements");
            assertNull(d.previous().impressions(), "nothing before: not available, not zero");
            assertEquals(1, d.topPosts().size());
        }
    }

    @Test
    void aPersonsClickLeadsToASignedConversionThatEarnsTheCampaignItsRoi() throws Exception {
        AnalyticsWorld.Published p = world.publishedSandboxPost("New roast: https://shop.example/roast?ref=feed",
                new BigDecimal("100.00"));
        String code = world.shortCode(p);

        HttpResponse<String> first = click(code, BROWSER);
        assertEquals(302, first.statusCode());
        String location = first.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("https://shop.example/roast?ref=feed&utm_source=sandbox&utm_medium=social"),
                location);
        assertTrue(location.contains("&utm_campaign=") && location.contains("&utm_content=post-" + p.postId()),
                location);
        String token = token(location);
        assertEquals(token, token(click(code, BROWSER).headers().firstValue("Location").orElseThrow()),
                "the same visitor within the hour is one click");
        HttpResponse<String> bot = click(code, "facebookexternalhit/1.1");
        assertEquals(302, bot.statusCode());
        assertFalse(bot.headers().firstValue("Location").orElseThrow().contains("hclid"), "bots are not counted");
        click(code, BROWSER.replace("131.0", "130.0"));
        assertEquals(2, world.performance(p, "clicks"), "two people clicked");

        Actor owner = world.owner();
        String secret = inTenant.call(owner, p.tenant(), () -> keys.renew(owner));
        assertEquals(secret, inTenant.call(owner, p.tenant(), () -> keys.secret().orElse(null)), "kept");
        String body = "{\"id\":\"order-" + UUID.randomUUID() + "\",\"click\":\"" + token
                + "\",\"value\":\"250.00\",\"currency\":\"EUR\"}";
        HttpResponse<String> converted = convert(p.tenant(), body, secret);
        assertEquals(201, converted.statusCode(), converted.body());
        assertTrue(converted.body().contains("\"attributed\":true"), converted.body());
        assertEquals(200, convert(p.tenant(), body, secret).statusCode(), "the same order counts once");

        LocalDate today = LocalDate.now(world.zone(p));
        Dashboard d = inTenant.call(owner, p.tenant(), () -> analytics.dashboard(Period.lastDays(7, today,
                Basis.ACTIVITY), RollupQueries.Scope.ALL));
        assertEquals(2, d.current().clicks());
        assertEquals(1, d.current().conversions());
        assertEquals(0, new BigDecimal("250.00").compareTo(d.current().conversionValue()));
        Dashboard.CampaignResult campaign = d.campaigns().stream().filter(c -> c.campaignId() == p.campaignId())
                .findFirst().orElseThrow();
        assertEquals(1, campaign.conversions());
        // (250.00 - 100.00) / 100.00 = 1.5
        assertEquals(0, new BigDecimal("1.5").compareTo(campaign.roi()), String.valueOf(campaign.roi()));
    }

    @Test
    void theRedirectRefusesUnknownCodesAndNeverSendsAnywhereElse() throws Exception {
        assertEquals(404, click("nosuchcode", BROWSER).statusCode());
        assertEquals(404, click("", BROWSER).statusCode());
        assertEquals(404, send(HttpRequest.newBuilder(URI.create(base + "l/%2F%2Fevil.example")).GET()
                .header("User-Agent", BROWSER)).statusCode());
        AnalyticsWorld.Published p = world.publishedSandboxPost("Visit https://acme.example/visit", null);
        String code = world.shortCode(p);
        HttpResponse<String> withParams = send(HttpRequest.newBuilder(URI.create(base + "l/" + code
                + "?to=https://evil.example&url=https://evil.example")).GET().header("User-Agent", BROWSER));
        assertEquals(302, withParams.statusCode());
        assertTrue(withParams.headers().firstValue("Location").orElseThrow().startsWith("https://acme.example/visit?"),
                "only the registered target");
    }

    @Test
    void conversionsNeedTheirClientsSignatureAndBadInputChangesNothing() throws Exception {
        AnalyticsWorld.Published mine = world.publishedSandboxPost("Hello https://mine.example", null);
        AnalyticsWorld.Published theirs = world.publishedSandboxPost("Hello https://theirs.example", null);
        Actor owner = world.owner();
        String secret = inTenant.call(owner, mine.tenant(), () -> keys.renew(owner));
        inTenant.call(owner, theirs.tenant(), () -> keys.renew(owner));
        String body = "{\"id\":\"order-1\",\"value\":\"10.00\",\"currency\":\"EUR\"}";

        assertEquals(401, convert(theirs.tenant(), body, secret).statusCode(), "a forged client id");
        assertEquals(401, convert(mine.tenant(), body, "wrong-secret").statusCode());
        assertEquals(401, send(HttpRequest.newBuilder(URI.create(base + "api/conversions/" + mine.tenant()))
                .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode(), "no signature");
        assertEquals(401, convert(987654321L, body, secret).statusCode(), "an unknown client looks the same");
        assertEquals(422, convert(mine.tenant(), "{not json", secret).statusCode());
        assertEquals(422, convert(mine.tenant(), "{\"id\":\"o-2\",\"value\":\"-5\",\"currency\":\"EUR\"}", secret)
                .statusCode());
        assertEquals(422, convert(mine.tenant(), "{\"id\":\"o-3\",\"value\":\"5\",\"currency\":\"XXZ\"}", secret)
                .statusCode());
        assertEquals(422, convert(mine.tenant(), "{\"id\":\"o-4\",\"value\":\"5\",\"currency\":\"EUR\","
                + "\"occurredAt\":\"yesterday\"}", secret).statusCode());
        assertEquals(0, world.tableCount(mine.tenant(), "conversion"), "nothing was stored");
        assertEquals(0, world.tableCount(theirs.tenant(), "conversion"), "nothing was stored");
        assertEquals(201, convert(mine.tenant(), body, secret).statusCode(), "unattributed, but counted");
    }

    @Test
    void aClientUserCannotReachAnotherClientsAnalytics() {
        AnalyticsWorld.Published p = world.publishedSandboxPost("Private numbers", null);
        Actor acmeApprover = actors.byEmail(Demo.ACME_APPROVER).orElseThrow();
        assertThrows(AccessDenied.class, () -> inTenant.call(acmeApprover, p.tenant(), () -> analytics.dashboard(
                Period.lastDays(7, LocalDate.now(), Basis.ACTIVITY), RollupQueries.Scope.ALL)));
        assertThrows(AccessDenied.class, () -> inTenant.call(acmeApprover, p.tenant(), () -> keys.secret()));
    }

    private HttpResponse<String> click(String code, String userAgent) {
        return send(HttpRequest.newBuilder(URI.create(base + "l/" + code)).GET().header("User-Agent", userAgent));
    }

    private HttpResponse<String> convert(long tenant, String body, String secret) {
        return send(HttpRequest.newBuilder(URI.create(base + "api/conversions/" + tenant))
                .header("Content-Type", "application/json")
                .header("Herald-Signature", ConversionSignature.sign(secret, Instant.now().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(String location) {
        Matcher m = Pattern.compile("hclid=([0-9a-f]{32})").matcher(location);
        assertTrue(m.find(), location);
        return m.group(1);
    }
}
