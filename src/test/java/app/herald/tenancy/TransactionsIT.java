package app.herald.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.application.TenantRegistry;
import app.herald.tenancy.application.TenantWork;
import app.herald.tenancy.domain.Tenant;
import app.herald.testsupport.AtomicityProbe;
import app.herald.testsupport.Demo;
import app.herald.testsupport.HeraldDeployment;
import app.herald.testsupport.InTenant;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class TransactionsIT {

    @Deployment
    static WebArchive deployment() {
        return HeraldDeployment.war(TransactionsIT.class, AtomicityProbe.class, AtomicityProbe.Abort.class);
    }

    @Inject
    AtomicityProbe probe;
    @Inject
    InTenant inTenant;
    @Inject
    TenantWork work;
    @Inject
    TenantRegistry registry;
    @Inject
    TenantAuditLog audit;
    @Inject
    Actors actors;
    @Resource
    ManagedThreadFactory threads;
    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;

    private static String mark() {
        return "p" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    private Tenant acme() {
        return registry.all().stream().filter(t -> t.getName().equals("Acme Coffee")).findFirst().orElseThrow();
    }

    private Actor owner() {
        return actors.byEmail(Demo.NORTHWIND_OWNER).orElseThrow();
    }

    private <T> T onManagedThread(Callable<T> task) throws Exception {
        return onManagedThread(task, false);
    }

    private <T> T onManagedThread(Callable<T> task, boolean ejbFactory) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable run = () -> {
            try {
                result.complete(task.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        };
        (ejbFactory ? probe.managedThread(run) : threads.newThread(run)).start();
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
        }
    }

    private int platformRows(String mark) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM digest_run WHERE run_day = ?")) {
            s.setString(1, mark);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private int tenantRows(String mark) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + acme().getSchema().value()
                     + ".audit_entry WHERE subject = ?")) {
            s.setString(1, mark);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private String idFunction() {
        return "mysql".equals(System.getenv("HERALD_IT_DATABASE")) ? "CONNECTION_ID()" : "SESSION_ID()";
    }

    @Test
    void onARequestThreadAFailedCallLeavesNeitherWrite() throws Exception {
        String mark = mark();
        assertThrows(RuntimeException.class, () -> inTenant.call(owner(), acme().getId(), () -> {
            probe.writeBothThenFail(mark);
            return null;
        }));
        assertEquals(0, tenantRows(mark), "tenant write rolled back");
        assertEquals(0, platformRows(mark), "platform write rolled back");
    }

    @Test
    void onAManagedThreadAFailedCallLeavesNeitherWrite() throws Exception {
        String mark = mark();
        Exception failed = assertThrows(Exception.class, () -> onManagedThread(() -> work.here(owner(), acme().getId(),
                ref -> { probe.writeBothThenFail(mark); return null; })));
        assertEquals(0, tenantRows(mark), "tenant write rolled back: " + failed);
        assertEquals(0, platformRows(mark), "platform write rolled back");
    }

    @Test
    void onAManagedThreadACommitThatFailsLeavesNeitherWrite() throws Exception {
        String mark = mark();
        Exception failed = assertThrows(Exception.class, () -> onManagedThread(() -> work.here(owner(), acme().getId(),
                ref -> { probe.writeJdbcThenFailAtCommit(mark); return null; })));
        assertEquals(0, platformRows(mark), "platform write rolled back: " + failed);
    }

    @Test
    void aRollbackAfterTheCommitFlushLeavesNeitherWriteOnARequestThread() throws Exception {
        String mark = mark();
        assertThrows(RuntimeException.class, () -> inTenant.call(owner(), acme().getId(), () -> {
            probe.writeBothThenRollBackAfterTheFlush(mark);
            return null;
        }));
        assertEquals(0, tenantRows(mark), "tenant write rolled back");
        assertEquals(0, platformRows(mark), "platform write rolled back");
    }

    @Test
    void aRollbackAfterTheCommitFlushLeavesNeitherWriteOnAManagedThread() throws Exception {
        String mark = mark();
        Exception failed = assertThrows(Exception.class, () -> onManagedThread(() -> work.here(owner(), acme().getId(),
                ref -> { probe.writeBothThenRollBackAfterTheFlush(mark); return null; })));
        assertEquals(0, tenantRows(mark), "tenant write rolled back: " + failed);
        assertEquals(0, platformRows(mark), "platform write rolled back");
    }

    @Test
    void aRollbackAfterTheCommitFlushLeavesNeitherWriteOnAnEjbsManagedThread() throws Exception {
        String mark = mark();
        Exception failed = assertThrows(Exception.class, () -> onManagedThread(() -> work.here(owner(), acme().getId(),
                ref -> { probe.writeBothThenRollBackAfterTheFlush(mark); return null; }), true));
        assertEquals(0, tenantRows(mark), "tenant write rolled back: " + failed);
        assertEquals(0, platformRows(mark), "platform write rolled back");
    }

    @Test
    void onAManagedThreadASucceedingCallKeepsBoth() throws Exception {
        String mark = mark();
        onManagedThread(() -> work.here(owner(), acme().getId(), ref -> { probe.writeBoth(mark); return null; }));
        assertEquals(1, tenantRows(mark));
        assertEquals(1, platformRows(mark));
    }

    @Test
    void jpaAndJdbcShareOneConnectionOnEveryThread() throws Exception {
        long[] request = inTenant.call(owner(), acme().getId(), () -> probe.connectionIds(idFunction()));
        assertEquals(request[0], request[1], "request thread");
        long[] managed = onManagedThread(() -> work.here(owner(), acme().getId(), ref -> probe.connectionIds(idFunction())));
        assertEquals(managed[0], managed[1], "managed thread");
    }
}
