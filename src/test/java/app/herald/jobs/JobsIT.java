package app.herald.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.jobs.application.JobEngine;
import app.herald.jobs.application.Jobs;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.JobState;
import app.herald.jobs.domain.Outcome;
import app.herald.jobs.infrastructure.JobStore;
import app.herald.kernel.sql.SqlDialect;
import app.herald.tenancy.application.TenantRegistry;
import app.herald.tenancy.domain.Tenant;
import app.herald.testsupport.AtomicityProbe;
import app.herald.testsupport.Demo;
import app.herald.testsupport.HeraldDeployment;
import app.herald.testsupport.InTenant;
import app.herald.testsupport.ProbeJobs;
import app.herald.testsupport.ProbeSteps;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The job engine and the transactions it runs, on the real server and both databases: one service call is one
 * transaction on one connection on a request's thread and on the engine's own threads; failures are retried with
 * backoff and given up with their reason; lock conflicts are retried at once; an attempt whose job was taken over is
 * stopped, and an attempt never overwrites the one that holds its job now, even on the same node.
 */
@ExtendWith(ArquillianExtension.class)
class JobsIT {

    @Deployment
    static WebArchive deployment() {
        return HeraldDeployment.war(JobsIT.class, AtomicityProbe.class, AtomicityProbe.Abort.class, ProbeJobs.class,
                ProbeSteps.class);
    }

    @Inject
    AtomicityProbe probe;
    @Inject
    Jobs jobs;
    @Inject
    JobStore store;
    @Inject
    JobEngine engine;
    @Inject
    InTenant inTenant;
    @Inject
    TenantRegistry registry;
    @Inject
    Actors actors;
    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;

    private static long subject() {
        return ThreadLocalRandom.current().nextLong(10_000_000, 99_999_999);
    }

    private Tenant acme() {
        return registry.all().stream().filter(t -> t.getName().equals(Demo.ACME)).findFirst().orElseThrow();
    }

    private Actor owner() {
        return actors.byEmail(Demo.NORTHWIND_OWNER).orElseThrow();
    }

    private void plan(String kind, long subject) {
        jobs.plan(ProbeJobs.QUEUE, kind, Job.NO_TENANT, subject, 0, Instant.now());
    }

    private JobStore.Stored awaitJob(String kind, long subject, Predicate<JobStore.Stored> done) throws Exception {
        Instant deadline = Instant.now().plusSeconds(40);
        JobStore.Stored current = null;
        while (Instant.now().isBefore(deadline)) {
            current = jobs.find(ProbeJobs.QUEUE, kind, Job.NO_TENANT, subject).orElseThrow();
            if (done.test(current)) {
                return current;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + kind + "/" + subject + " stands at " + current + "; attempts saw "
                + ProbeJobs.seen(subject));
    }

    private void awaitSeen(long subject, String what) throws Exception {
        Instant deadline = Instant.now().plusSeconds(40);
        while (ProbeJobs.seen(subject).stream().noneMatch(s -> s.startsWith(what))) {
            assertTrue(Instant.now().isBefore(deadline), "attempts saw " + ProbeJobs.seen(subject) + ", not " + what);
            Thread.sleep(50);
        }
    }

    private int count(String sql, String mark) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, mark);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private int platformRows(String mark) throws Exception {
        return count("SELECT COUNT(*) FROM digest_run WHERE run_day = ?", mark);
    }

    private int tenantRows(String mark) throws Exception {
        return count("SELECT COUNT(*) FROM " + acme().getSchema().value() + ".audit_entry WHERE subject = ?", mark);
    }

    /** Neither the tenant's JPA write nor the platform's JDBC write marked {@code mark} is visible. */
    private void assertNeitherWrite(String mark, String where) throws Exception {
        assertEquals(0, tenantRows(mark), where + ": the tenant's JPA write is rolled back");
        assertEquals(0, platformRows(mark), where + ": the platform's JDBC write is rolled back");
    }

    private void execute(String sql, Object... values) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    private static long startOf(String seen) {
        return Long.parseLong(seen.substring(seen.lastIndexOf(' ') + 1));
    }

    @Test
    void onARequestThreadARollbackAfterTheCommitFlushLeavesNeitherWrite() throws Exception {
        String mark = "p" + subject();
        assertThrows(RuntimeException.class, () -> inTenant.call(owner(), acme().getId(), () -> {
            probe.writeBothThenRollBackAfterTheFlush(mark);
            return null;
        }));
        assertNeitherWrite(mark, "request thread, rollback after the commit flush");

        String kept = "p" + subject();
        inTenant.call(owner(), acme().getId(), () -> {
            probe.writeBoth(kept);
            return null;
        });
        assertEquals(1, tenantRows(kept), "a call that commits keeps its JPA write");
        assertEquals(1, platformRows(kept), "and its JDBC write");
    }

    @Test
    void aServiceThatThrowsAfterWritingLeavesNeitherWriteOnARequestAndOnTheEngine() throws Exception {
        String mark = "p" + subject();
        assertThrows(RuntimeException.class, () -> inTenant.call(owner(), acme().getId(), () -> {
            probe.writeBothThenFail(mark);
            return null;
        }));
        assertNeitherWrite(mark, "request thread, a service that throws");

        long subject = subject();
        plan("THROW_AFTER_WRITING", subject);
        awaitSeen(subject, "thrown");
        assertNeitherWrite("p" + subject, "engine thread, a service that throws");
    }

    @Test
    void onTheEnginesThreadsARollbackAfterTheCommitFlushLeavesNeitherWrite() throws Exception {
        long subject = subject();
        plan("ROLLBACK_AFTER_FLUSH", subject);
        awaitSeen(subject, "rolled back");
        assertNeitherWrite("p" + subject, "engine thread, rollback after the commit flush");
    }

    @Test
    void onTheEnginesThreadsACommitThatFailsAtTheFlushUndoesTheJdbcWriteBeforeIt() throws Exception {
        long subject = subject();
        plan("FAIL_AT_COMMIT", subject);
        awaitSeen(subject, "commit failed");
        assertEquals(0, platformRows("p" + subject), "the JDBC write made before the failing flush is rolled back");
    }

    @Test
    void jpaAndJdbcUseOneConnectionOnARequestAndOnTheEngine() throws Exception {
        long[] request = inTenant.call(owner(), acme().getId(), () -> probe.connectionIds(AtomicityProbe.idFunction()));
        assertEquals(request[0], request[1], "on a request thread, JPA and JDBC share the transaction's connection");

        long subject = subject();
        plan("CONNECTION_IDS", subject);
        awaitSeen(subject, "ids");
        String[] ids = ProbeJobs.seen(subject).stream().filter(s -> s.startsWith("ids")).findFirst().orElseThrow()
                .split(" ");
        assertEquals(ids[1], ids[2], "on the engine's thread too");
    }

    /**
     * Thirty jobs fell due an hour ago and wait (a backlog: the probe queue holds six at a time, three running); a job
     * planned for now starts long before the backlog is worked off, not after it.
     */
    @Test
    void aJobDueNowIsNotStarvedByABacklog() throws Exception {
        long first = subject();
        long hourAgo = Instant.now().minusSeconds(3600).toEpochMilli();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            rows.append(i == 0 ? "" : ", ").append("('").append(ProbeJobs.QUEUE).append("', 'SLOW', 0, ")
                    .append(first + i).append(", 0, ").append(hourAgo + i).append(", 'QUEUED', 0, ")
                    .append(hourAgo).append(", ").append(hourAgo).append(")");
        }
        try (Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO job (queue, kind, tenant_id, subject_id, step, due_at, state, attempts, "
                    + "created_at, updated_at) VALUES " + rows);
        }
        long fresh = first + 1000;
        plan("SLOW", fresh);
        awaitSeen(fresh, "attempt 1");
        long backlogStarted = java.util.stream.LongStream.range(first, first + 30)
                .filter(subject -> !ProbeJobs.seen(subject).isEmpty()).count();
        assertTrue(backlogStarted < 15, "the job due now started after only " + backlogStarted + " of the 30 overdue "
                + "ones, not after all of them");
        for (long subject = first; subject < first + 30; subject++) {
            awaitJob("SLOW", subject, j -> j.state() == JobState.DONE);
        }
    }

    @Test
    void aJobThatKeepsFailingIsRetriedWithBackoffAndThenGivenUpWithItsReason() throws Exception {
        long subject = subject();
        plan("FAIL", subject);
        JobStore.Stored dead = awaitJob("FAIL", subject, s -> s.state() == JobState.DEAD);
        assertEquals(3, dead.job().attempts(), "the probe queue allows three attempts");
        assertTrue(dead.lastError().contains("Given up after 3 attempts")
                && dead.lastError().contains("the probe fails on purpose"), dead.lastError());
        List<String> attempts = ProbeJobs.seen(subject);
        assertEquals(3, attempts.size(), "one run per attempt: " + attempts);
        for (int i = 1; i < attempts.size(); i++) {
            long gap = startOf(attempts.get(i)) - startOf(attempts.get(i - 1));
            assertTrue(gap >= ProbeJobs.BACKOFF.toMillis(), "attempt " + (i + 1) + " waited " + gap + " ms");
        }
        assertTrue(dead.claimedUntil() == null, "a dead job holds no lease");
    }

    @Test
    void aLockConflictIsRetriedAtOnceNotAfterBackoff() throws Exception {
        long subject = subject();
        plan("LOCK_CONFLICT", subject);
        JobStore.Stored done = awaitJob("LOCK_CONFLICT", subject, s -> s.state() == JobState.DONE);
        assertEquals("second attempt", done.lastError());
        List<String> attempts = ProbeJobs.seen(subject);
        long gap = startOf(attempts.get(1)) - startOf(attempts.get(0));
        assertTrue(gap < ProbeJobs.BACKOFF.toMillis(), "retried after " + gap + " ms, without the backoff");
    }

    @Test
    void anAttemptWhoseJobIsTakenOverIsStoppedAndRecordsNothing() throws Exception {
        long subject = subject();
        plan("WAIT_TO_BE_STOPPED", subject);
        JobStore.Stored claimed = awaitJob("WAIT_TO_BE_STOPPED", subject, s -> s.state() == JobState.CLAIMED);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT claimed_until - " + SqlDialect.of(c).nowMillis() + " FROM job WHERE id = ?")) {
            s.setLong(1, claimed.job().id());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                long left = r.getLong(1);
                assertTrue(left > 0 && left <= 3_000, "the lease runs 3 s on the database's clock: " + left + " ms left");
            }
        }
        execute("UPDATE job SET claim_token = 'another-node-attempt', claimed_by = 'another-node' WHERE id = ?",
                claimed.job().id());
        awaitSeen(subject, "stopped");
        Thread.sleep(500);
        JobStore.Stored after = jobs.find(ProbeJobs.QUEUE, "WAIT_TO_BE_STOPPED", Job.NO_TENANT, subject).orElseThrow();
        assertEquals(JobState.CLAIMED, after.state(), "the stopped attempt left the job to its new holder");
        assertEquals("another-node-attempt", after.job().claimToken());
        assertFalse(ProbeJobs.seen(subject).contains("not stopped"));
        execute("DELETE FROM job WHERE id = ?", claimed.job().id());
    }

    @Test
    void aNodeNeverLetsItsOwnExpiredAttemptOverwriteTheAttemptThatTookTheJob() throws Exception {
        long subject = subject();
        CountDownLatch gate = new CountDownLatch(1);
        ProbeJobs.GATES.put(subject, gate);
        plan("HOLD", subject);
        JobStore.Stored first = awaitJob("HOLD", subject, s -> s.state() == JobState.CLAIMED);
        // As if this node had stalled past its lease: the lease runs out and the same node claims the job again.
        for (int i = 0; i < 20 && jobs.find(ProbeJobs.QUEUE, "HOLD", Job.NO_TENANT, subject).orElseThrow().job()
                .attempts() < 2; i++) {
            execute("UPDATE job SET claimed_until = 0 WHERE id = ? AND claim_token = ?", first.job().id(),
                    first.job().claimToken());
            engine.claimNow(ProbeJobs.QUEUE);
            Thread.sleep(100);
        }
        awaitSeen(subject, "attempt 2 finished");
        gate.countDown();
        Instant deadline = Instant.now().plusSeconds(10);
        while (ProbeJobs.seen(subject).stream().noneMatch(s -> s.startsWith("first attempt"))
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertFalse(ProbeJobs.seen(subject).contains("first attempt finished"),
                "the first attempt's outcome was refused: " + ProbeJobs.seen(subject));
        JobStore.Stored last = jobs.find(ProbeJobs.QUEUE, "HOLD", Job.NO_TENANT, subject).orElseThrow();
        assertEquals(JobState.DONE, last.state());
        assertEquals("attempt 2", last.lastError(), "the second attempt's outcome stands");
    }

    /**
     * Publishing checks and finishes the jobs of a round of attempts in one statement each (ADR 0030): every attempt
     * is still fenced by its own token, so another attempt's token, or a lease that ran out, makes the check fail and
     * changes nothing of the job it does not hold.
     */
    @Test
    void attemptsCheckedAndFinishedTogetherAreEachFencedByTheirOwnToken() throws Exception {
        String parked = "parked-" + subject();
        Job first = heldAs(parked, subject(), "first-attempt");
        Job second = heldAs(parked, subject(), "second-attempt");
        Job secondForged = new Job(second.id(), parked, "HELD", Job.NO_TENANT, second.subjectId(), 0, second.dueAt(),
                1, "first-attempt");

        assertTrue(store.holdAll(List.of(first, second)));
        assertFalse(store.holdAll(List.of(first, secondForged)), "a token is good for its own job only");
        assertFalse(store.finishAll(List.of(secondForged), List.of(Outcome.done())));
        assertEquals(JobState.CLAIMED, jobs.find(parked, "HELD", Job.NO_TENANT, second.subjectId()).orElseThrow()
                .state(), "the forged finish changed nothing");

        execute("UPDATE job SET claimed_until = 0 WHERE id = ?", first.id());
        assertFalse(store.holdAll(List.of(first, second)), "a lease that ran out no longer holds");
        execute("UPDATE job SET claimed_until = ? WHERE id = ?", Instant.now().plusSeconds(60).toEpochMilli(),
                first.id());
        assertTrue(store.finishAll(List.of(first, second), List.of(Outcome.done(), Outcome.retry(
                Instant.now().plusSeconds(600), "the network said later"))));
        assertEquals(JobState.DONE, jobs.find(parked, "HELD", Job.NO_TENANT, first.subjectId()).orElseThrow().state());
        JobStore.Stored retried = jobs.find(parked, "HELD", Job.NO_TENANT, second.subjectId()).orElseThrow();
        assertEquals(JobState.QUEUED, retried.state());
        assertEquals("the network said later", retried.lastError());
        execute("DELETE FROM job WHERE queue = ?", parked);
    }

    /** A job of a queue no node works on, held by an attempt with the given token and a minute's lease. */
    private Job heldAs(String queue, long subject, String token) throws Exception {
        Instant due = Instant.now();
        jobs.plan(queue, "HELD", Job.NO_TENANT, subject, 0, due);
        execute("UPDATE job SET state = 'CLAIMED', claim_token = ?, claimed_until = ?, attempts = 1 WHERE queue = ? "
                + "AND subject_id = ?", token, Instant.now().plusSeconds(60).toEpochMilli(), queue, subject);
        long id = jobs.find(queue, "HELD", Job.NO_TENANT, subject).orElseThrow().job().id();
        return new Job(id, queue, "HELD", Job.NO_TENANT, subject, 0, due, 1, token);
    }

    @Test
    void finishedJobsArePurgedAfterTheirKeepingTimeAndDeadOnesKeptLonger() throws Exception {
        long subject = subject();
        plan("LOCK_CONFLICT", subject);
        JobStore.Stored done = awaitJob("LOCK_CONFLICT", subject, s -> s.state() == JobState.DONE);
        long eightDaysAgo = Instant.now().minus(Duration.ofDays(8)).toEpochMilli();
        execute("UPDATE job SET updated_at = ? WHERE id = ?", eightDaysAgo, done.job().id());
        long dead = subject();
        jobs.plan(ProbeJobs.QUEUE, "NEVER_CLAIMED", Job.NO_TENANT, dead, 0, Instant.parse("2100-01-01T00:00:00Z"));
        execute("UPDATE job SET state = 'DEAD', updated_at = ? WHERE queue = ? AND subject_id = ?", eightDaysAgo,
                ProbeJobs.QUEUE, dead);
        engine.purgeNow();
        assertTrue(jobs.find(ProbeJobs.QUEUE, "LOCK_CONFLICT", Job.NO_TENANT, subject).isEmpty(),
                "a job done eight days ago is gone");
        assertEquals(JobState.DEAD, jobs.find(ProbeJobs.QUEUE, "NEVER_CLAIMED", Job.NO_TENANT, dead).orElseThrow()
                .state(), "a dead job is kept for a person to read for 30 days");
    }
}
