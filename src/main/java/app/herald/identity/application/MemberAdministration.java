package app.herald.identity.application;

import app.herald.identity.domain.Actor;
import app.herald.identity.domain.Membership;
import app.herald.identity.domain.Role;
import app.herald.identity.domain.User;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Owners and managers look after their agency's people: roles, which clients a member sees, removal. */
@Stateless
public class MemberAdministration {

    @PersistenceContext(unitName = "herald")
    EntityManager em;
    @Inject
    SignedInSessions sessions;

    /** A line of the members screen. */
    public record Person(long membershipId, String email, String name, Role role, User.State state, Long clientOf,
                         boolean allClients, Set<Long> limitedTo, boolean twoFactor) implements java.io.Serializable {
    }

    public List<Person> peopleOf(Actor actor) {
        long agencyId = runAgency(actor);
        return em.createNamedQuery("Membership.ofAgency", Membership.class).setParameter("agencyId", agencyId)
                .getResultList().stream().map(m -> {
                    User u = em.find(User.class, m.getUserId());
                    return new Person(m.getId(), u.getEmail(), u.getDisplayName(), m.getRole(), u.getState(),
                            m.getTenantId(), m.isAllTenants(), m.getLimitedTo(), u.hasTwoFactor());
                }).toList();
    }

    public void changeRole(Actor actor, long membershipId, Role newRole) {
        Membership membership = othersMembership(actor, membershipId);
        boolean ownershipChanges = membership.getRole() == Role.OWNER || newRole == Role.OWNER;
        if (ownershipChanges && actor.role().orElseThrow() != Role.OWNER) {
            throw new AccessDenied("Only an owner may make or unmake owners.");
        }
        if (membership.getRole() == Role.OWNER && newRole != Role.OWNER) {
            requireAnotherOwner(membership.getAgencyId());
        }
        membership.changeRole(newRole);
    }

    /** Limits a member to the given clients of the agency; an empty set lets the member see every client. */
    public void limitToClients(Actor actor, long membershipId, Set<Long> tenantIds, Set<Long> agencyTenantIds) {
        Membership membership = othersMembership(actor, membershipId);
        if (!agencyTenantIds.containsAll(tenantIds)) {
            throw new AccessDenied("A member can only be limited to clients of the same agency.");
        }
        if (tenantIds.isEmpty()) {
            membership.seeAllClients();
        } else {
            membership.limitTo(tenantIds);
        }
    }

    /** Removes a person from the agency; their account is disabled and cannot sign in any more. */
    public void remove(Actor actor, long membershipId) {
        Membership membership = othersMembership(actor, membershipId);
        if (membership.getRole() == Role.OWNER) {
            if (actor.role().orElseThrow() != Role.OWNER) {
                throw new AccessDenied("Only an owner may remove an owner.");
            }
            requireAnotherOwner(membership.getAgencyId());
        }
        em.find(User.class, membership.getUserId()).disable();
        em.remove(membership);
    }

    /**
     * For someone who lost both their phone and their recovery codes: an owner turns their second factor off and signs
     * them out everywhere. They set it up again, at their next sign-in if the agency requires it.
     */
    public void resetTwoFactor(Actor actor, long membershipId) {
        Membership membership = othersMembership(actor, membershipId);
        if (actor.role().orElseThrow() != Role.OWNER) {
            throw new AccessDenied("Only an owner may reset someone's two-factor sign-in.");
        }
        User user = em.find(User.class, membership.getUserId());
        if (!user.hasTwoFactor()) {
            throw new RuleViolation(user.getEmail() + " does not use two-factor sign-in.");
        }
        user.turnOffTwoFactor();
        em.createNamedQuery("RecoveryCode.forget").setParameter("user", user.getId()).executeUpdate();
        sessions.endAll(user.getId(), Instant.now());
    }

    /** A client is being deleted: its client users lose their account, members' limits forget it. */
    public void forgetTenant(long tenantId) {
        for (Membership m : em.createNamedQuery("Membership.ofTenant", Membership.class)
                .setParameter("tenantId", tenantId).getResultList()) {
            em.find(User.class, m.getUserId()).disable();
            em.remove(m);
        }
        em.createQuery("SELECT m FROM Membership m WHERE :tenantId MEMBER OF m.limitedTo", Membership.class)
                .setParameter("tenantId", tenantId).getResultList().forEach(m -> m.forgetTenant(tenantId));
        em.flush();
    }

    private long runAgency(Actor actor) {
        return actor.agencyId().filter(actor::runs)
                .orElseThrow(() -> new AccessDenied(actor.email() + " may not manage people"));
    }

    private Membership othersMembership(Actor actor, long membershipId) {
        long agencyId = runAgency(actor);
        Membership membership = em.find(Membership.class, membershipId);
        if (membership == null || membership.getAgencyId() != agencyId) {
            throw new AccessDenied(actor.email() + " may not manage membership " + membershipId);
        }
        if (membership.getUserId() == actor.userId()) {
            throw new RuleViolation("You cannot change your own role or remove yourself; ask another owner.");
        }
        return membership;
    }

    private void requireAnotherOwner(long agencyId) {
        long owners = em.createNamedQuery("Membership.countOwners", Long.class).setParameter("agencyId", agencyId)
                .getSingleResult();
        if (owners <= 1) {
            throw new RuleViolation("An agency keeps at least one owner.");
        }
    }
}
