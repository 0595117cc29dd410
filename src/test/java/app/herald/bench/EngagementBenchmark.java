package app.herald.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.kernel.crypto.TokenCipher;
import app.herald.testsupport.Browser;
import app.herald.testsupport.Demo;
import app.herald.testsupport.EngagementLoad;
import app.herald.testsupport.HeraldNode;
import app.herald.testsupport.MastodonAudience;
import app.herald.testsupport.PublishingLoad;
import app.herald.testsupport.ScratchDatabase;
import app.herald.testsupport.WebClient;
import com.mysql.cj.jdbc.MysqlDataSource;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The engagement benchmark of issue 12, on one Herald node with MariaDB. (A) A client's inbox with 100,000
 * interactions from 20,000 people: the inbox list, a search, an open conversation, the contacts page and the live
 * mark, each loaded 100 times over HTTP as a signed-in member. (B) Live delivery: an item stored while the inbox is
 * open in headless Chromium, until the page shows it without a reload. (C) Reading: 200 clients with 5 Mastodon
 * channels each on a loopback Mastodon server, 100 new mentions per channel, read at once by the job engine: the time
 * until all 100,000 are in the inboxes, and SQL statements per item. Prints a table and writes
 * target/bench/engagement.md.
 */
class EngagementBenchmark {

    private static final int CLIENTS = 200;
    private static final int CHANNELS_PER_CLIENT = 5;
    private static final int SAID_PER_CHANNEL = 100;
    private static final int LIVE_SAMPLES = 20;
    private final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        byte[] key = TokenCipher.newKey();
        try (ScratchDatabase database = new ScratchDatabase("herald_ebench")) {
            MysqlDataSource db = database.dataSource();
            Map<String, String> env = new HashMap<>(database.nodeEnvironment("bench="
                    + Base64.getEncoder().encodeToString(key)));
            env.put("HERALD_DEMO", "true");
            int port = HeraldNode.freePort();
            try (HeraldNode first = HeraldNode.start("herald-ebench-demo", port, List.of(), env, "2g")) {
                // The demo's people sign in; the benchmark's clients join afterwards.
            }
            long started = System.currentTimeMillis();
            TokenCipher cipher = new TokenCipher(Map.of("bench", key));
            PublishingLoad.SeededTenant big = PublishingLoad.tenantOf(db, agencyId(db, "Northwind Social"),
                    "Benchmark Roasters", "Europe/Berlin");
            long channel;
            try (Connection c = db.getConnection()) {
                channel = EngagementLoad.sandboxChannel(c, big.schema(), "@benchmark_roasters");
            }
            EngagementLoad.Inbox inbox = EngagementLoad.inbox(db, big.schema(), big.id(), channel, 20_000, 25_000, 4);
            List<PublishingLoad.SeededTenant> readers = PublishingLoad.clonedTenants(db, CLIENTS,
                    "http://127.0.0.1:9/unused", cipher);
            List<PublishingLoad.SeededTenant> all = new ArrayList<>(readers);
            all.add(big);
            database.dropsWithIt(all);
            MastodonAudience mastodon = new MastodonAudience(SAID_PER_CHANNEL);
            EngagementLoad.mastodonChannels(db, readers, CHANNELS_PER_CLIENT, mastodon.url(), cipher);
            line("Seeded one inbox of " + inbox + ", and " + CLIENTS + " clients with " + CHANNELS_PER_CLIENT
                    + " Mastodon channels each, in " + (System.currentTimeMillis() - started) + " ms.");
            line("");
            line("| measure | result |");
            line("|---|---|");
            try (mastodon; HeraldNode node = HeraldNode.start("herald-ebench", port, List.of(), env, "2g")) {
                String base = "http://127.0.0.1:" + port + "/";
                WebClient member = new WebClient(URI.create(base).toURL());
                member.signIn(Demo.NORTHWIND_OWNER, Demo.PASSWORD);
                String inboxPage = "client/inbox.xhtml?client=" + big.id();
                load(member, inboxPage, "herald-inbox-item", "inbox, New conversations");
                load(member, inboxPage + "&state=DONE", "herald-inbox-item", "inbox, Done conversations");
                load(member, inboxPage + "&state=ALL&q=" + EngagementLoad.RARE_WORD, EngagementLoad.RARE_WORD,
                        "inbox, search over all conversations");
                load(member, inboxPage + "&state=ALL&conversation=" + inbox.sampleConversation(), "Internal notes",
                        "inbox with a conversation open");
                load(member, "client/contacts.xhtml?client=" + big.id(), "Person ", "contacts page");
                load(member, "inbox/mark?client=" + big.id(), ":", "live mark (/inbox/mark)");
                live(db, base, big, channel);
                read(db, readers, mastodon, node);
            }
        }
        Path out = Files.createDirectories(Path.of("target", "bench")).resolve("engagement.md");
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** 30 warm-up loads, then 100 measured ones, each answered 200 and showing what the page is for. */
    private void load(WebClient member, String page, String shows, String label) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = member.get(page);
            if (i >= 30) {
                millis.add((System.nanoTime() - start) / 1_000_000);
            }
            assertEquals(200, response.statusCode(), page);
            assertTrue(response.body().contains(shows), page + " shows " + shows);
        }
        line("| " + label + " (100 loads) | " + percentiles(millis) + " |");
    }

    /**
     * The inbox open in a real browser; an item stored every few seconds (at a random point of the page's one-second
     * rhythm); the time from its commit to the moment the page's text contains it.
     */
    private void live(MysqlDataSource db, String base, PublishingLoad.SeededTenant big, long channel)
            throws Exception {
        List<Long> millis = new ArrayList<>();
        try (Browser browser = new Browser()) {
            browser.open(base + "login.xhtml");
            browser.type("login:email", Demo.NORTHWIND_OWNER);
            browser.type("login:password", Demo.PASSWORD);
            browser.click("login:signIn");
            browser.awaitUrlContains("/agency/");
            browser.open(base + "client/inbox.xhtml?client=" + big.id());
            browser.awaitText("Inbox");
            JavascriptExecutor page = (JavascriptExecutor) browser.driver();
            Thread.sleep(3_000);
            for (int i = 0; i < LIVE_SAMPLES; i++) {
                Thread.sleep(1_000 + (long) (Math.random() * 1_000));
                String words = "Live question number " + i + " " + Long.toString(System.nanoTime(), 36);
                EngagementLoad.arrives(db, big.schema(), channel, words);
                long stored = System.nanoTime();
                long deadline = stored + Duration.ofSeconds(15).toNanos();
                while (!Boolean.TRUE.equals(page.executeScript(
                        "return document.body.innerText.indexOf(arguments[0]) >= 0", words))) {
                    if (System.nanoTime() > deadline) {
                        browser.keepEvidence("engagement-benchmark-live");
                        throw new AssertionError("The open inbox did not show '" + words + "' within 15 s");
                    }
                    Thread.sleep(10);
                }
                millis.add((System.nanoTime() - stored) / 1_000_000);
            }
        }
        line("| live: stored until shown in the open inbox (" + LIVE_SAMPLES + " items, headless Chromium) | "
                + percentiles(millis) + " |");
    }

    /** Every channel's reading made due at once; until every mention is an interaction in its client's inbox. */
    private void read(MysqlDataSource db, List<PublishingLoad.SeededTenant> readers, MastodonAudience mastodon,
                      HeraldNode node) throws Exception {
        String stored = readers.stream().map(t -> "SELECT COUNT(*) n FROM " + t.schema()
                + ".interaction WHERE body LIKE '%bench-sync %'").collect(Collectors.joining(" UNION ALL ",
                "SELECT SUM(n) FROM (", ") counts"));
        int expected = readers.size() * CHANNELS_PER_CLIENT * SAID_PER_CHANNEL;
        long questionsBefore = questions(db);
        long polls = 0;
        long start = System.nanoTime();
        EngagementLoad.readAllNow(db);
        long deadline = start + Duration.ofMinutes(5).toNanos();
        long count = 0;
        while (count < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Only " + count + " of " + expected + " items read within five minutes");
            }
            Thread.sleep(200);
            count = single(db, stored);
            polls++;
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        // Each poll is one statement of this benchmark's, and so is each SHOW STATUS; the rest are the node's (its
        // other timers included, so this is an upper bound).
        long statements = questions(db) - questionsBefore - polls - 2;
        assertEquals(expected, count);
        // Readings of one client's channels share its people: none may have failed on another's new contact.
        assertFalse(node.logText().contains("Duplicate entry"), "an inbox reading failed on a duplicate");
        line("| reading " + CLIENTS + " clients x " + CHANNELS_PER_CLIENT + " Mastodon channels on loopback, "
                + expected + " new mentions | all stored in " + millis + " ms (" + (expected * 1000L / Math.max(1,
                millis)) + " items/s), " + String.format("%.1f", statements / (double) expected)
                + " SQL statements per item, " + mastodon.requests() + " requests to Mastodon |");
    }

    private static long questions(MysqlDataSource db) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(
                "SHOW GLOBAL STATUS LIKE 'Questions'"); ResultSet r = q.executeQuery()) {
            r.next();
            return r.getLong(2);
        }
    }

    private static long single(MysqlDataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(sql);
             ResultSet r = q.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long agencyId(MysqlDataSource db, String name) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT id FROM agency WHERE name = ?")) {
            q.setString(1, name);
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), "the demo agency exists");
                return r.getLong(1);
            }
        }
    }

    private static String percentiles(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int n = sorted.size();
        return "p50 " + sorted.get(n / 2) + " ms, p95 " + sorted.get(Math.min(n - 1, (int) Math.ceil(n * 0.95) - 1))
                + " ms, max " + sorted.get(n - 1) + " ms";
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }
}
