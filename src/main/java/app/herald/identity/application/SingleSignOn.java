package app.herald.identity.application;

import app.herald.identity.domain.Actor;
import app.herald.identity.domain.Membership;
import app.herald.identity.domain.ProvenIdentity;
import app.herald.identity.domain.Role;
import app.herald.identity.domain.SignOnIdentity;
import app.herald.identity.domain.SignOnSettings;
import app.herald.identity.domain.User;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.crypto.KeyRing;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * Single sign-on with an agency's OpenID Connect provider: the owner's set-up, and what a proven identity opens. A
 * person is found by the provider's (issuer, subject) only. An e-mail address that matches an account not yet linked
 * is refused rather than merged: whoever controls an address at some provider must not inherit an account. Such a
 * person links the two once, signed in with their password.
 */
@Stateless
public class SingleSignOn {

    /** The owner's form: the secret is write-only (blank keeps the one stored). */
    public record Setup(String signInName, String issuer, String clientId, String clientSecret, boolean staffMustUse,
                        Role joinRole, String joinDomains) implements Serializable {
    }

    /** What the sign-in needs to talk to the provider, the client secret opened. */
    public record Provider(long agencyId, String agencyName, String issuer, String clientId, String clientSecret) {
    }

    @PersistenceContext(unitName = "herald")
    EntityManager em;
    @Inject
    Actors actors;
    @Inject
    AgencyDirectory agencies;
    @Inject
    KeyRing keys;

    /** The agency's set-up, for its owners. */
    public Optional<Setup> setupOf(Actor actor) {
        return Optional.ofNullable(em.find(SignOnSettings.class, ownedAgency(actor)))
                .map(s -> new Setup(s.getSignInName(), s.getIssuer(), s.getClientId(), null, s.isStaffMustUse(),
                        s.getJoinRole().orElse(null), String.join(", ", s.domains())));
    }

    /** The provider as an owner set it up; the web layer has read its discovery document already. */
    public void configure(Actor actor, Setup setup, Instant now) {
        long agencyId = ownedAgency(actor);
        String name = SignOnSettings.checkSignInName(setup.signInName());
        em.createNamedQuery("SignOnSettings.byName", SignOnSettings.class).setParameter("name", name)
                .getResultStream().filter(other -> other.getAgencyId() != agencyId).findAny().ifPresent(other -> {
                    throw new RuleViolation("The sign-in name \"" + name + "\" is taken; choose another.");
                });
        String secret = setup.clientSecret() == null ? "" : setup.clientSecret().strip();
        SignOnSettings settings = em.find(SignOnSettings.class, agencyId);
        boolean newIssuer = settings == null || !settings.getIssuer().equals(SignOnSettings.checkIssuer(setup.issuer()));
        if (secret.isEmpty() && newIssuer) {
            throw new RuleViolation("Give the client secret the provider made for Herald.");
        }
        if (secret.length() > 1000) {
            throw new RuleViolation("A client secret has at most 1,000 characters.");
        }
        if (settings == null) {
            settings = new SignOnSettings(agencyId, name, setup.issuer(), setup.clientId(), seal(agencyId, secret), now);
            settings.requireForStaff(setup.staffMustUse());
            settings.letJoin(setup.joinRole(), setup.joinDomains());
            em.persist(settings);
            return;
        }
        settings.rename(name);
        settings.useProvider(setup.issuer(), setup.clientId(), now);
        if (!secret.isEmpty()) {
            settings.replaceSecret(seal(agencyId, secret));
        }
        settings.requireForStaff(setup.staffMustUse());
        settings.letJoin(setup.joinRole(), setup.joinDomains());
        if (newIssuer) {
            // People of another provider are other subjects: the links to the old one open nothing any more.
            em.createNamedQuery("SignOnIdentity.forgetOtherIssuers").setParameter("agencyId", agencyId)
                    .setParameter("issuer", settings.getIssuer()).executeUpdate();
        }
    }

    /** Single sign-on off: staff sign in with passwords again, and every link to the provider is forgotten. */
    public void turnOff(Actor actor) {
        long agencyId = ownedAgency(actor);
        em.createNamedQuery("SignOnIdentity.forgetAgency").setParameter("agencyId", agencyId).executeUpdate();
        Optional.ofNullable(em.find(SignOnSettings.class, agencyId)).ifPresent(em::remove);
    }

    /** The provider behind a sign-in name, for an active agency. */
    public Provider providerNamed(String signInName) {
        String name;
        try {
            name = SignOnSettings.checkSignInName(signInName);
        } catch (RuleViolation e) {
            throw unknownName();
        }
        SignOnSettings settings = em.createNamedQuery("SignOnSettings.byName", SignOnSettings.class)
                .setParameter("name", name).getResultStream().findFirst().orElseThrow(SingleSignOn::unknownName);
        return provider(settings);
    }

    /** The provider of an agency, to finish a sign-in started with it. */
    public Provider providerForAgency(long agencyId) {
        return Optional.ofNullable(em.find(SignOnSettings.class, agencyId)).map(this::provider)
                .orElseThrow(() -> new RuleViolation("Your agency turned single sign-on off while you were signing in."));
    }

    /** The provider of the agency a signed-in staff member belongs to, to link their account with it. */
    public Provider providerForLinking(Actor actor) {
        if (!actor.isStaff()) {
            throw new RuleViolation("Only an agency's staff sign in through its identity provider.");
        }
        return Optional.ofNullable(em.find(SignOnSettings.class, actor.agencyId().orElseThrow())).map(this::provider)
                .orElseThrow(() -> new RuleViolation("Your agency has not set up single sign-on."));
    }

    /** Where a staff member stands with their agency's provider: offered at all, and linked since when (or null). */
    public record LinkStanding(boolean offered, Instant linkedSince) {

        public boolean linked() {
            return linkedSince != null;
        }
    }

    public LinkStanding linkStanding(Actor actor) {
        if (!actor.isStaff() || em.find(SignOnSettings.class, actor.agencyId().orElseThrow()) == null) {
            return new LinkStanding(false, null);
        }
        return new LinkStanding(true, em.createNamedQuery("SignOnIdentity.ofUser", SignOnIdentity.class)
                .setParameter("userId", actor.userId()).getResultStream().findFirst().map(SignOnIdentity::getLinkedAt)
                .orElse(null));
    }

    /**
     * The account a proven identity signs in as (its e-mail address), linking it first when a signed-in person asked
     * for that, or letting a new person join when the agency allows it. Refusals say what to do.
     */
    public String signIn(long agencyId, ProvenIdentity who, Optional<Long> linking, Instant now) {
        SignOnSettings settings = Optional.ofNullable(em.find(SignOnSettings.class, agencyId))
                .filter(s -> s.getIssuer().equals(who.issuer()))
                .orElseThrow(() -> new RuleViolation("Your agency changed its single sign-on while you were signing "
                        + "in. Start again."));
        String agency = agencies.nameOf(agencyId);
        Optional<SignOnIdentity> link = em.createNamedQuery("SignOnIdentity.of", SignOnIdentity.class)
                .setParameter("issuer", who.issuer()).setParameter("subject", who.subject()).getResultStream()
                .findFirst();
        if (linking.isPresent()) {
            User user = staffOf(agencyId, linking.get(), agency);
            if (link.isPresent() && link.get().getUserId() != user.getId()) {
                throw new RuleViolation("That identity at your provider belongs to another Herald account already.");
            }
            if (link.isEmpty()) {
                em.createNamedQuery("SignOnIdentity.ofUser", SignOnIdentity.class).setParameter("userId", user.getId())
                        .getResultStream().forEach(em::remove);
                em.persist(new SignOnIdentity(user.getId(), agencyId, who.issuer(), who.subject(), now));
            }
            return user.getEmail();
        }
        if (link.isPresent()) {
            return staffOf(agencyId, link.get().getUserId(), agency).getEmail();
        }
        if (who.email() != null && actors.userByEmail(who.email()).isPresent()) {
            throw new RuleViolation("Herald has an account for " + who.email() + " that is not linked to your "
                    + "agency's identity provider yet. Sign in with its password once and choose \"Link my account\" "
                    + "under Your account; after that, single sign-on opens it.");
        }
        if (!settings.letsJoin(who.email())) {
            throw new RuleViolation("Your identity provider signed you in, but you have no account at " + agency
                    + " in Herald. Ask one of its owners to invite you.");
        }
        if (!who.emailVerified()) {
            throw new RuleViolation("Your identity provider has not confirmed that " + who.email() + " is yours, so "
                    + "Herald cannot let you join " + agency + " with it.");
        }
        User user = User.joinedThroughSignOn(who.email(), who.name(), now);
        em.persist(user);
        em.flush();
        em.persist(Membership.staff(user.getId(), agencyId, settings.getJoinRole().orElseThrow()));
        em.persist(new SignOnIdentity(user.getId(), agencyId, who.issuer(), who.subject(), now));
        return user.getEmail();
    }

    /** Why a password does not open this account: its agency signs its staff in through the provider. */
    public Optional<String> passwordRefusal(Actor actor) {
        if (actor.agencyId().isEmpty() || actor.role().isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(SignOnSettings.class, actor.agencyId().get()))
                .filter(s -> s.requiresProviderFor(actor.role().get()))
                .map(s -> agencies.nameOf(s.getAgencyId()) + " signs its staff in through its identity provider: "
                        + "choose \"Single sign-on\" and give the sign-in name \"" + s.getSignInName() + "\".");
    }

    private User staffOf(long agencyId, long userId, String agency) {
        User user = actors.activeUser(userId)
                .orElseThrow(() -> new RuleViolation("Your Herald account is disabled. Ask an owner of " + agency + "."));
        actors.membershipOf(userId).filter(m -> m.getAgencyId() == agencyId && m.getRole().isStaff())
                .orElseThrow(() -> new RuleViolation("Your Herald account is no longer on the staff of " + agency
                        + ". Ask one of its owners to invite you again."));
        return user;
    }

    private Provider provider(SignOnSettings settings) {
        if (!agencies.isActive(settings.getAgencyId())) {
            throw new RuleViolation("Your agency's Herald account is suspended. Please contact the Herald operator.");
        }
        String secret = keys.cipher().decrypt(settings.getClientSecret(), context(settings.getAgencyId()));
        if (keys.cipher().isStale(settings.getClientSecret())) {
            // Sealed under a key the ring has since rotated away from: sealed anew, so the old key can be retired.
            settings.replaceSecret(seal(settings.getAgencyId(), secret));
        }
        return new Provider(settings.getAgencyId(), agencies.nameOf(settings.getAgencyId()), settings.getIssuer(),
                settings.getClientId(), secret);
    }

    private String seal(long agencyId, String secret) {
        return keys.cipher().encrypt(secret, context(agencyId));
    }

    private static String context(long agencyId) {
        return "herald:agency:" + agencyId + ":sign-on";
    }

    private long ownedAgency(Actor actor) {
        return actor.agencyId().filter(actor::owns)
                .orElseThrow(() -> new AccessDenied("Only an agency's owners set up its single sign-on."));
    }

    private static RuleViolation unknownName() {
        return new RuleViolation("No agency signs in with that name. Ask your agency for its sign-in name, or sign in "
                + "with your e-mail address and password.");
    }
}
