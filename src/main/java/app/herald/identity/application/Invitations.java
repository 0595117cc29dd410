package app.herald.identity.application;

import app.herald.identity.domain.Actor;
import app.herald.identity.domain.Membership;
import app.herald.identity.domain.OneTimeToken.Purpose;
import app.herald.identity.domain.Role;
import app.herald.identity.domain.User;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.mail.application.Mail;
import app.herald.identity.domain.ClientWorkspace;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Inviting people by e-mail: agency owners (by the platform admin), members and client users (by owners and
 * managers). The invited person sets their own password through a one-time link.
 */
@Stateless
public class Invitations {

    public static final String ACCEPT_PAGE = "/accept-invitation.xhtml";

    @PersistenceContext(unitName = "herald")
    EntityManager em;
    @Inject
    Actors actors;
    @Inject
    OneTimeLinks links;
    @Inject
    Mail mailer;
    @Inject
    PasswordHashing hashing;
    @Inject
    AgencyDirectory agencies;
    @Inject
    ClientWorkspaces tenants;
    @Inject
    @ConfigProperty(name = "herald.invitation.valid-hours")
    int validHours;

    /** The first owner of a new agency, invited by the platform admin. */
    public User inviteOwner(long agencyId, String email) {
        return invite(email, agencyId, Role.OWNER, null, Set.of(), "Herald");
    }

    public User inviteMember(Actor actor, String email, Role role, Set<Long> limitTo) {
        long agencyId = actor.agencyId().filter(actor::runs)
                .orElseThrow(() -> new AccessDenied(actor.email() + " may not invite members"));
        if (!role.isStaff()) {
            throw new RuleViolation("Members are owners, managers, editors or analysts; invite client users as such.");
        }
        if (role == Role.OWNER && actor.role().orElseThrow() != Role.OWNER) {
            throw new AccessDenied("Only an owner may invite another owner.");
        }
        for (long tenantId : limitTo) {
            agencyTenant(actor, tenantId);
        }
        return invite(email, agencyId, role, null, limitTo, inviterName(actor));
    }

    public User inviteClientUser(Actor actor, long tenantId, String email, Role role) {
        ClientWorkspace tenant = agencyTenant(actor, tenantId);
        if (!role.isClient()) {
            throw new RuleViolation("A client user is an approver or a viewer.");
        }
        return invite(email, tenant.agencyId(), role, tenant, Set.of(), inviterName(actor));
    }

    /** What the invitation page shows before the person accepts. */
    public record Pending(String email, String agency, String role, String client) implements java.io.Serializable {
    }

    public Pending describe(String secret) {
        User user = links.peek(secret, Purpose.INVITATION);
        Membership membership = actors.membershipOf(user.getId())
                .orElseThrow(() -> new RuleViolation("This invitation was withdrawn."));
        String client = membership.getTenantId() == null ? null
                : tenants.find(membership.getTenantId()).map(ClientWorkspace::name).orElse(null);
        return new Pending(user.getEmail(), agencies.nameOf(membership.getAgencyId()), membership.getRole().label(), client);
    }

    public User accept(String secret, String displayName, String password) {
        User user = links.peek(secret, Purpose.INVITATION);
        User.checkPasswordStrength(password, user.getEmail());
        links.redeem(secret, Purpose.INVITATION);
        user.activate(displayName, hashing.hash(password));
        return user;
    }

    private User invite(String rawEmail, long agencyId, Role role, ClientWorkspace tenant, Set<Long> limitTo, String inviter) {
        String email = User.normalizeEmail(rawEmail);
        if (actors.userByEmail(email).isPresent()) {
            throw new RuleViolation(email + " already has a Herald account. A person belongs to one agency or client.");
        }
        User user = User.invite(email, Instant.now());
        em.persist(user);
        em.flush();
        Membership membership = tenant == null ? Membership.staff(user.getId(), agencyId, role)
                : Membership.client(user.getId(), agencyId, tenant.id(), role);
        if (!limitTo.isEmpty()) {
            membership.limitTo(limitTo);
        }
        em.persist(membership);
        String link = links.issue(user, Purpose.INVITATION, Duration.ofHours(validHours), ACCEPT_PAGE);
        String agency = agencies.nameOf(agencyId);
        String where = tenant == null ? agency : tenant.name() + " (with " + agency + ")";
        mailer.send(email, "You are invited to " + where + " on Herald",
                inviter + " invited you to join " + where + " on Herald as " + role.label().toLowerCase() + ".\n\n"
                        + "Choose your password and sign in here:\n" + link + "\n\n"
                        + "The link works once and expires in " + validHours + " hours.\n"
                        + "If you did not expect this, you can ignore this e-mail.\n");
        return user;
    }

    private ClientWorkspace agencyTenant(Actor actor, long tenantId) {
        return tenants.find(tenantId).filter(t -> actor.runs(t.agencyId()))
                .orElseThrow(() -> new AccessDenied(actor.email() + " may not invite to tenant " + tenantId));
    }

    private String inviterName(Actor actor) {
        return actors.userByEmail(actor.email()).map(User::getDisplayName).orElse(actor.email());
    }
}
