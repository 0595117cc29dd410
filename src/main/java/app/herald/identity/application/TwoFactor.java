package app.herald.identity.application;

import app.herald.identity.domain.Actor;
import app.herald.identity.domain.Agency;
import app.herald.identity.domain.OneTimeCodes;
import app.herald.identity.domain.RecoveryCode;
import app.herald.identity.domain.Role;
import app.herald.identity.domain.User;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.crypto.KeyRing;
import app.herald.kernel.crypto.TokenCipher;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Two-factor sign-in with an authenticator app: enrolment (a secret shown as a QR code, confirmed by a first code, ten
 * recovery codes), the code asked after the password, and an agency's rule that its staff must use it. Changing it on
 * the account page asks for the password again; turning it off asks for a code too.
 */
@Stateless
public class TwoFactor {

    /** What a person who gave the right password must still do before they are signed in. */
    public enum Step { NONE, CODE, ENROL }

    /** A secret to put into an app: as text to type, and as the address its QR code carries. */
    public record Enrolment(String secret, String appAddress) implements Serializable {
    }

    /** Where the person stands, for their settings page. */
    public record Standing(boolean on, Instant since, long recoveryCodesLeft, boolean requiredByAgency)
            implements Serializable {
    }

    static final String ISSUER = "Herald";

    @PersistenceContext(unitName = "herald")
    EntityManager em;
    @Inject
    Actors actors;
    @Inject
    PasswordHashing hashing;
    @Inject
    KeyRing keys;
    @Inject
    AgencyDirectory agencies;

    public Step stepAfterPassword(String email) {
        User user = actors.userByEmail(email).orElseThrow(() -> new AccessDenied("No such account."));
        if (user.hasTwoFactor()) {
            return Step.CODE;
        }
        return requiredFor(user) ? Step.ENROL : Step.NONE;
    }

    public Standing standing(Actor actor) {
        User user = user(actor.userId());
        return new Standing(user.hasTwoFactor(), user.getTwoFactorSince(), recoveryCodesLeft(user.getId()),
                requiredFor(user));
    }

    /** Turning it on from the settings page: the password again, since a session left open is not its owner. */
    public Enrolment begin(Actor actor, String password) {
        User user = user(actor.userId());
        requirePassword(user, password);
        return begin(user);
    }

    /**
     * Enrolment at sign-in, for staff whose agency requires it: the password was checked a moment ago by the sign-in,
     * which is the only caller.
     */
    public Enrolment beginAtSignIn(String email) {
        return begin(actors.userByEmail(email).filter(User::canSignIn)
                .orElseThrow(() -> new AccessDenied("No such account.")));
    }

    private Enrolment begin(User user) {
        String secret = OneTimeCodes.newSecret();
        user.startTwoFactor(seal(user, secret));
        return new Enrolment(secret, OneTimeCodes.appAddress(ISSUER, user.getEmail(), secret));
    }

    /** The first code from the app turns two-factor sign-in on; returns the recovery codes, to show once. */
    public List<String> confirm(String email, String code, Instant now) {
        User user = locked(actors.userByEmail(email).orElseThrow(() -> new AccessDenied("No such account.")));
        if (user.getTwoFactorSecret() == null || user.hasTwoFactor()) {
            throw new RuleViolation("Start again: scan the new QR code with your app first.");
        }
        OptionalLong step = OneTimeCodes.matchingStep(open(user), code, now);
        if (step.isEmpty()) {
            throw new RuleViolation("That is not the code your app shows for Herald. Type the newest six digits; "
                    + "if it still fails, check that the phone's clock sets itself.");
        }
        user.confirmTwoFactor(step.getAsLong(), now);
        return newRecoveryCodes(user);
    }

    /** When the person's two-factor sign-in was turned on, if it is. */
    public Optional<Instant> enrolledSince(String email) {
        return actors.userByEmail(email).filter(User::hasTwoFactor).map(User::getTwoFactorSince);
    }

    /** Whether a code (from the app, or an unused recovery code) is good for this person now; each works once. */
    public boolean check(String email, String typed, Instant now) {
        Optional<User> found = actors.userByEmail(email).filter(User::hasTwoFactor);
        if (found.isEmpty() || typed == null) {
            return false;
        }
        User user = locked(found.get());
        if (RecoveryCode.looksLikeOne(typed)) {
            Optional<RecoveryCode> code = em.createNamedQuery("RecoveryCode.unused", RecoveryCode.class)
                    .setParameter("user", user.getId()).setParameter("hash", RecoveryCode.hashOf(typed))
                    .getResultStream().findFirst();
            code.ifPresent(c -> c.use(now));
            return code.isPresent();
        }
        OptionalLong step = OneTimeCodes.matchingStep(open(user), typed, now);
        if (step.isEmpty() || !user.acceptCodeOf(step.getAsLong())) {
            return false;
        }
        if (keys.cipher().isStale(user.getTwoFactorSecret())) {
            user.resealTwoFactor(seal(user, open(user)));
        }
        return true;
    }

    /** Only with the password and a current code, and never while the agency requires it. */
    public void turnOff(Actor actor, String password, String code, Instant now) {
        User user = user(actor.userId());
        requirePassword(user, password);
        if (requiredFor(user)) {
            throw new RuleViolation("Your agency requires two-factor sign-in for its staff: it stays on.");
        }
        if (!check(user.getEmail(), code, now)) {
            throw new RuleViolation("That code is not right (or was used already): type the newest one from your app.");
        }
        user.turnOffTwoFactor();
        em.createNamedQuery("RecoveryCode.forget").setParameter("user", user.getId()).executeUpdate();
    }

    /** Ten new recovery codes; the old ones stop working. */
    public List<String> renewRecoveryCodes(Actor actor, String password) {
        User user = user(actor.userId());
        requirePassword(user, password);
        if (!user.hasTwoFactor()) {
            throw new RuleViolation("Turn on two-factor sign-in first.");
        }
        return newRecoveryCodes(user);
    }

    /** An agency's rule for its staff; only its owners set it. */
    public void requireForStaff(Actor actor, boolean required) {
        long agencyId = actor.agencyId().orElseThrow(() -> new AccessDenied("Only an agency's owners decide this."));
        if (!actor.isStaffOf(agencyId) || actor.role().orElse(null) != Role.OWNER) {
            throw new AccessDenied("Only an agency's owners decide this.");
        }
        Agency agency = agencies.find(agencyId).orElseThrow(() -> new AccessDenied("No such agency."));
        agency.requireStaffTwoFactor(required);
    }

    public boolean requiredForStaffOf(long agencyId) {
        return agencies.find(agencyId).map(Agency::isStaffTwoFactor).orElse(false);
    }

    private boolean requiredFor(User user) {
        return actors.actorOf(user).filter(Actor::isStaff).flatMap(Actor::agencyId)
                .map(this::requiredForStaffOf).orElse(false);
    }

    private List<String> newRecoveryCodes(User user) {
        em.createNamedQuery("RecoveryCode.forget").setParameter("user", user.getId()).executeUpdate();
        List<String> codes = new ArrayList<>();
        while (codes.size() < RecoveryCode.PER_PERSON) {
            String code = RecoveryCode.newCode();
            if (!codes.contains(code)) {
                codes.add(code);
                em.persist(new RecoveryCode(user.getId(), code));
            }
        }
        return codes;
    }

    private long recoveryCodesLeft(long userId) {
        return em.createNamedQuery("RecoveryCode.left", Long.class).setParameter("user", userId).getSingleResult();
    }

    private void requirePassword(User user, String password) {
        if (!user.hasPassword()) {
            throw new RuleViolation("You sign in through your agency's identity provider, which asks for its own "
                    + "second factor; Herald has no password of yours to confirm this change with.");
        }
        if (password == null || !hashing.matches(password, user.getPasswordHash())) {
            throw new RuleViolation("Your password is not correct.");
        }
    }

    private User user(long userId) {
        return actors.activeUser(userId).orElseThrow(() -> new AccessDenied("No such account."));
    }

    /** Two sign-ins with one code at the same moment: the second waits and then finds the code used. */
    private User locked(User user) {
        em.refresh(user, LockModeType.PESSIMISTIC_WRITE);
        return user;
    }

    private String seal(User user, String secret) {
        return keys.cipher().encrypt(secret, context(user));
    }

    private String open(User user) {
        try {
            return keys.cipher().decrypt(user.getTwoFactorSecret(), context(user));
        } catch (TokenCipher.CannotDecrypt e) {
            throw new RuleViolation(e.about("Your two-factor secret",
                    "sign in with a recovery code and set up your app again").getMessage(), e);
        }
    }

    private static String context(User user) {
        return "herald:user:" + user.getId() + ":two-factor";
    }
}
