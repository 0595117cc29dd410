package app.herald.identity.application;

import app.herald.identity.domain.Actor;
import app.herald.identity.domain.Membership;
import app.herald.identity.domain.User;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Optional;

/** Finds users and builds the {@link Actor} that access decisions are made about. */
@Stateless
public class Actors {

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    public Optional<User> userByEmail(String email) {
        if (email == null) {
            return Optional.empty();
        }
        return em.createNamedQuery("User.byEmail", User.class)
                .setParameter("email", email.strip().toLowerCase(Locale.ROOT)).getResultStream().findFirst();
    }

    public Optional<Membership> membershipOf(long userId) {
        return em.createNamedQuery("Membership.ofUser", Membership.class).setParameter("userId", userId)
                .getResultStream().findFirst();
    }

    /** The user ids of an agency's owners and managers who may open the given tenant: its default reviewers. */
    public java.util.Set<Long> runnersOf(long agencyId, long tenantId) {
        return runners(agencyId).filter(m -> m.isAllTenants() || m.getLimitedTo().contains(tenantId))
                .map(Membership::getUserId).collect(java.util.stream.Collectors.toSet());
    }

    /** The user ids of an agency's owners and managers, whichever clients they see. */
    public java.util.Set<Long> runnersOf(long agencyId) {
        return runners(agencyId).map(Membership::getUserId).collect(java.util.stream.Collectors.toSet());
    }

    private java.util.stream.Stream<Membership> runners(long agencyId) {
        return em.createNamedQuery("Membership.ofAgency", Membership.class).setParameter("agencyId", agencyId)
                .getResultList().stream().filter(m -> m.getRole().managesAgency())
                .filter(m -> em.find(User.class, m.getUserId()).canSignIn());
    }

    /** Staff who may review a tenant's posts: owners, managers and editors who may open it and can sign in. */
    public java.util.Set<Long> reviewersOf(long agencyId, long tenantId) {
        return em.createNamedQuery("Membership.ofAgency", Membership.class).setParameter("agencyId", agencyId)
                .getResultList().stream()
                .filter(m -> m.getRole().isStaff() && m.getRole() != app.herald.identity.domain.Role.ANALYST)
                .filter(m -> m.getTenantId() == null && (m.isAllTenants() || m.getLimitedTo().contains(tenantId)))
                .filter(m -> em.find(User.class, m.getUserId()).canSignIn())
                .map(Membership::getUserId).collect(java.util.stream.Collectors.toSet());
    }

    /** The client approvers of a tenant who can sign in, to be asked for their decision. */
    public java.util.List<User> clientApproversOf(long tenantId) {
        return em.createNamedQuery("Membership.ofTenant", Membership.class).setParameter("tenantId", tenantId)
                .getResultList().stream().filter(m -> m.getRole() == app.herald.identity.domain.Role.APPROVER)
                .map(m -> em.find(User.class, m.getUserId())).filter(User::canSignIn).toList();
    }

    /** Every client user of a tenant who can sign in (approvers and viewers), e.g. to receive its reports. */
    public java.util.List<User> clientUsersOf(long tenantId) {
        return em.createNamedQuery("Membership.ofTenant", Membership.class).setParameter("tenantId", tenantId)
                .getResultList().stream().filter(m -> m.getRole().isClient())
                .map(m -> em.find(User.class, m.getUserId())).filter(User::canSignIn).toList();
    }

    public Optional<Actor> byId(long userId) {
        return activeUser(userId).flatMap(this::actorOf);
    }

    /** A user who can sign in, by id. */
    public Optional<User> activeUser(long userId) {
        return Optional.ofNullable(em.find(User.class, userId)).filter(User::canSignIn);
    }

    public java.util.List<User> digestReaders() {
        return em.createNamedQuery("User.digestReaders", User.class).getResultList();
    }

    /** A person's own choice between an e-mail per post and one daily digest. */
    public void preferDailyDigest(Actor actor, boolean digest) {
        em.find(User.class, actor.userId()).preferDailyDigest(digest);
    }

    public boolean prefersDailyDigest(long userId) {
        User user = em.find(User.class, userId);
        return user != null && user.isDailyDigest();
    }

    public String nameOf(long userId) {
        User user = em.find(User.class, userId);
        return user == null ? "(removed user)" : user.getDisplayName();
    }

    /** The actor for a signed-in e-mail; empty when the user no longer exists or has neither role nor admin right. */
    public Optional<Actor> byEmail(String email) {
        return userByEmail(email).flatMap(this::actorOf);
    }

    public Optional<Actor> actorOf(User user) {
        Optional<Membership> membership = membershipOf(user.getId());
        if (membership.isPresent()) {
            return Optional.of(Actor.of(user, membership.get()));
        }
        return user.isPlatformAdmin() ? Optional.of(Actor.platformAdmin(user.getId(), user.getEmail())) : Optional.empty();
    }
}
