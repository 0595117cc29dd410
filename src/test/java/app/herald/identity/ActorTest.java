package app.herald.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.identity.domain.Actor;
import app.herald.identity.domain.Role;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The access rules, decided in one place: who may open which tenant and who runs an agency. */
class ActorTest {

    private static final long NORTHWIND = 1;
    private static final long SOUTHWIND = 2;
    private static final long ACME = 10;
    private static final long GLOBEX = 11;
    private static final long INITECH = 20;

    private static Actor staff(Role role, boolean all, Set<Long> limitedTo) {
        return new Actor(5, "x@northwind.test", false, Optional.of(NORTHWIND), Optional.of(role), Optional.empty(), all,
                limitedTo);
    }

    private static Actor client(long tenant) {
        return new Actor(6, "c@acme.test", false, Optional.of(NORTHWIND), Optional.of(Role.APPROVER),
                Optional.of(tenant), false, Set.of());
    }

    @Test
    void membersSeeTheirAgencysClientsAndNoOtherAgencys() {
        Actor owner = staff(Role.OWNER, true, Set.of());
        assertTrue(owner.mayOpen(ACME, NORTHWIND));
        assertTrue(owner.mayOpen(GLOBEX, NORTHWIND));
        assertFalse(owner.mayOpen(INITECH, SOUTHWIND));
        assertFalse(owner.mayOpen(ACME, SOUTHWIND), "a tenant id paired with another agency is not ours");
    }

    @Test
    void limitedMembersSeeOnlyTheirClientsAndNoneOnceThoseAreGone() {
        Actor editor = staff(Role.EDITOR, false, Set.of(ACME));
        assertTrue(editor.mayOpen(ACME, NORTHWIND));
        assertFalse(editor.mayOpen(GLOBEX, NORTHWIND));
        Actor orphan = staff(Role.EDITOR, false, Set.of());
        assertFalse(orphan.mayOpen(ACME, NORTHWIND), "an empty limit means no client, never all clients");
    }

    @Test
    void clientUsersSeeExactlyTheirTenant() {
        Actor approver = client(ACME);
        assertTrue(approver.mayOpen(ACME, NORTHWIND));
        assertFalse(approver.mayOpen(GLOBEX, NORTHWIND));
        assertFalse(approver.runs(NORTHWIND));
        assertEquals(Set.of("APPROVER", "CLIENT"), approver.groups());
    }

    @Test
    void onlyOwnersAndManagersRunTheAgencyAndOnlyOwnersDelete() {
        assertTrue(staff(Role.OWNER, true, Set.of()).runs(NORTHWIND));
        assertTrue(staff(Role.MANAGER, true, Set.of()).runs(NORTHWIND));
        assertFalse(staff(Role.MANAGER, true, Set.of()).runs(SOUTHWIND));
        assertFalse(staff(Role.EDITOR, true, Set.of()).runs(NORTHWIND));
        assertFalse(staff(Role.ANALYST, true, Set.of()).runs(NORTHWIND));
        assertTrue(staff(Role.OWNER, true, Set.of()).mayDeleteClientsOf(NORTHWIND));
        assertFalse(staff(Role.MANAGER, true, Set.of()).mayDeleteClientsOf(NORTHWIND));
    }

    @Test
    void thePlatformAdminRunsNoAgencyAndOpensNoTenant() {
        Actor admin = Actor.platformAdmin(1, "admin@herald.test");
        assertFalse(admin.mayOpen(ACME, NORTHWIND));
        assertFalse(admin.runs(NORTHWIND));
        assertEquals(Set.of("PLATFORM_ADMIN"), admin.groups());
        assertEquals(Set.of("EDITOR", "MEMBER"), staff(Role.EDITOR, true, Set.of()).groups());
    }
}
