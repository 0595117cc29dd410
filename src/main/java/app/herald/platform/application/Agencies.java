package app.herald.platform.application;

import app.herald.identity.application.AgencyDirectory;
import app.herald.identity.application.Invitations;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.identity.domain.Agency;
import app.herald.tenancy.application.TenantStandings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** The platform operator's view of agencies: list, create with a first owner, suspend and reactivate. */
@Stateless
public class Agencies {

    @PersistenceContext(unitName = "herald")
    EntityManager em;
    @Inject
    TenantStandings standings;
    @Inject
    Invitations invitations;

    @Inject
    AgencyDirectory directory;

    public List<Agency> all(Actor actor) {
        requireAdmin(actor);
        return em.createNamedQuery("Agency.all", Agency.class).getResultList();
    }

    public boolean noneYet() {
        return em.createNamedQuery("Agency.count", Long.class).getSingleResult() == 0;
    }

    /** Creates an agency and e-mails its first owner an invitation. */
    public Agency create(Actor actor, String name, String ownerEmail) {
        requireAdmin(actor);
        Agency agency = register(name);
        invitations.inviteOwner(agency.getId(), ownerEmail);
        return agency;
    }

    /** Registers an agency without people; demo data and {@link #create} add them. */
    public Agency register(String name) {
        Agency agency = new Agency(name, Instant.now());
        boolean taken = !em.createNamedQuery("Agency.byName", Agency.class).setParameter("name", agency.getName())
                .getResultList().isEmpty();
        if (taken) {
            throw new RuleViolation("An agency named \"" + agency.getName() + "\" already exists.");
        }
        em.persist(agency);
        em.flush();
        return agency;
    }

    public void suspend(Actor actor, long agencyId) {
        requireAdmin(actor);
        directory.find(agencyId).orElseThrow(() -> new RuleViolation("No such agency.")).suspend();
        standings.forget();
    }

    public void reactivate(Actor actor, long agencyId) {
        requireAdmin(actor);
        directory.find(agencyId).orElseThrow(() -> new RuleViolation("No such agency.")).reactivate();
        standings.forget();
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.platformAdmin()) {
            throw new AccessDenied(actor.email() + " is not a platform admin");
        }
    }
}
