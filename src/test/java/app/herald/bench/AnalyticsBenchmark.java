package app.herald.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.kernel.crypto.TokenCipher;
import app.herald.testsupport.AnalyticsLoad;
import app.herald.testsupport.Demo;
import app.herald.testsupport.HeraldNode;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The analytics benchmark of issue 4, on one Herald node with MariaDB: a client with 10,000 posts on 20 channels and a
 * year of readings; the time to build its year's PDF and XLSX reports (from the moment the node starts on the report
 * to the stored file), and the analytics page's response time over 100 loads (30 days and 12 months), signed in over
 * HTTP like a browser. Prints a table and writes target/bench/analytics.md.
 */
class AnalyticsBenchmark {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        byte[] key = TokenCipher.newKey();
        try (ScratchDatabase database = new ScratchDatabase("herald_abench")) {
            MysqlDataSource db = database.dataSource();
            Map<String, String> env = new HashMap<>(database.nodeEnvironment("bench="
                    + Base64.getEncoder().encodeToString(key)));
            env.put("HERALD_DEMO", "true");
            int port = HeraldNode.freePort();
            try (HeraldNode first = HeraldNode.start("herald-abench-demo", port, List.of(), env, "2g")) {
                // The demo's people sign in; the benchmark's client joins the demo agency afterwards.
            }
            long started = System.currentTimeMillis();
            PublishingLoad.SeededTenant tenant = joinAgency(db, "Northwind Social");
            database.dropsWithIt(List.of(tenant));
            AnalyticsLoad.Seeded seeded = AnalyticsLoad.year(db, tenant.schema(), ZONE, 20, 10_000);
            line("Seeded " + seeded + " in " + (System.currentTimeMillis() - started) + " ms.");
            line("");
            line("| measure | result |");
            line("|---|---|");
            try (HeraldNode node = HeraldNode.start("herald-abench", port, List.of(), env, "2g")) {
                WebClient browser = new WebClient(URI.create("http://127.0.0.1:" + port + "/").toURL());
                browser.signIn(Demo.NORTHWIND_OWNER, Demo.PASSWORD);
                dashboard(browser, tenant.id(), "30", "analytics page, last 30 days");
                dashboard(browser, tenant.id(), "365", "analytics page, last 12 months");
                LocalDate today = LocalDate.now(ZONE);
                buildReport(db, tenant, "PDF", today.minusDays(364), today);
                buildReport(db, tenant, "XLSX", today.minusDays(364), today);
                buildReport(db, tenant, "PDF", today.minusDays(29), today);
            }
        }
        Path out = Files.createDirectories(Path.of("target", "bench")).resolve("analytics.md");
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** 10 warm-up loads, then 100 measured ones of the analytics page as a signed-in member. */
    private void dashboard(WebClient browser, long tenant, String days, String label) {
        String page = "client/analytics.xhtml?client=" + tenant + "&days=" + days;
        for (int i = 0; i < 10; i++) {
            assertEquals(200, browser.get(page).statusCode());
        }
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = browser.get(page);
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertEquals(200, response.statusCode());
            assertTrue(response.body().contains("herald-kpi-value"), "the page shows its figures");
        }
        Collections.sort(millis);
        line("| " + label + " (100 loads) | p50 " + millis.get(49) + " ms, p95 " + millis.get(94) + " ms, max "
                + millis.get(99) + " ms |");
    }

    /** Queues a report as the screen does and waits for it; reports the node's time from start to stored file. */
    private void buildReport(MysqlDataSource db, PublishingLoad.SeededTenant tenant, String format, LocalDate from,
                             LocalDate to) throws Exception {
        long id;
        long now = System.currentTimeMillis();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + tenant.schema() + ".report (format, "
                    + "period_from, period_to, basis, state, progress, requested_by, requested_at) VALUES "
                    + "(?, ?, ?, 'ACTIVITY', 'QUEUED', 0, 'benchmark', ?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, format);
                insert.setObject(2, java.sql.Date.valueOf(from));
                insert.setObject(3, java.sql.Date.valueOf(to));
                insert.setLong(4, now);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement job = c.prepareStatement("INSERT INTO job (queue, kind, tenant_id, subject_id, step, "
                    + "due_at, state, attempts, created_at, updated_at) VALUES ('reports', 'REPORT', ?, ?, 0, ?, "
                    + "'QUEUED', 0, ?, ?)")) {
                job.setLong(1, tenant.id());
                job.setLong(2, id);
                job.setLong(3, now);
                job.setLong(4, now);
                job.setLong(5, now);
                job.executeUpdate();
            }
        }
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement("SELECT state, "
                    + "started_at, finished_at, (SELECT LENGTH(f.content) FROM " + tenant.schema() + ".report_file f "
                    + "WHERE f.report_id = r.id), problem FROM " + tenant.schema() + ".report r WHERE r.id = ?")) {
                q.setLong(1, id);
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    String state = r.getString(1);
                    if (state.equals("READY")) {
                        line("| " + format + " report, " + from + " to " + to + " | built in " + (r.getLong(3)
                                - r.getLong(2)) + " ms (" + r.getLong(4) / 1024 + " KB) |");
                        return;
                    }
                    if (state.equals("FAILED")) {
                        throw new AssertionError("The report failed: " + r.getString(5));
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The " + format + " report was not ready within two minutes");
    }

    /** A client of the named agency with an empty, migrated schema and the usual zone. */
    private static PublishingLoad.SeededTenant joinAgency(MysqlDataSource db, String agency) throws SQLException {
        long agencyId;
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT id FROM agency WHERE name = ?")) {
            q.setString(1, agency);
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next(), "the demo agency exists");
                agencyId = r.getLong(1);
            }
        }
        return PublishingLoad.tenantOf(db, agencyId, "Benchmark Roasters", ZONE.getId());
    }

    private void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }
}
