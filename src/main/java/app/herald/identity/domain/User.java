package app.herald.identity.domain;

import app.herald.kernel.RuleViolation;
import app.herald.kernel.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A person who can sign in. Invited users have no password until they accept; disabled users keep their history but
 * cannot sign in.
 */
@Entity
@Table(name = "app_user")
@NamedQuery(name = "User.byEmail", query = "SELECT u FROM User u WHERE u.email = :email")
@NamedQuery(name = "User.digestReaders",
        query = "SELECT u FROM User u WHERE u.dailyDigest = TRUE AND u.state = app.herald.identity.domain.User.State.ACTIVE")
public class User implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum State { INVITED, ACTIVE, DISABLED }

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,189}\\.[a-z0-9-]{2,}$");
    public static final int MIN_PASSWORD_LENGTH = 12;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "platform_admin", nullable = false)
    private boolean platformAdmin;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "daily_digest", nullable = false)
    private boolean dailyDigest;

    /** The authenticator app's shared secret, sealed; it counts once {@link #twoFactorSince} is set. */
    @Column(name = "two_factor_secret")
    private String twoFactorSecret;

    @Column(name = "two_factor_since")
    private Long twoFactorSince;

    /** The 30-second step of the last code accepted: a code seen once is refused after. */
    @Column(name = "last_code_step")
    private Long lastCodeStep;

    protected User() {
    }

    private User(String email, String displayName, State state, Instant now) {
        this.email = normalizeEmail(email);
        this.displayName = displayName == null || displayName.isBlank() ? this.email : displayName.strip();
        this.state = state;
        this.createdAt = now.toEpochMilli();
    }

    public static User invite(String email, Instant now) {
        return new User(email, null, State.INVITED, now);
    }

    /**
     * A person an agency's identity provider vouched for, joining at their first single sign-on: active at once, and
     * without a password (they sign in through the provider).
     */
    public static User joinedThroughSignOn(String email, String displayName, Instant now) {
        String name;
        try {
            name = Text.optionalName("Your name", displayName, 120).orElse(null);
        } catch (RuleViolation unusable) {
            // The provider's idea of a name (too long, or with direction-changing characters) is not worth refusing
            // the person for: they are shown by their e-mail address until they name themselves.
            name = null;
        }
        return new User(email, name, State.ACTIVE, now);
    }

    public static User platformAdmin(String email, String displayName, String passwordHash, Instant now) {
        User admin = new User(email, displayName, State.ACTIVE, now);
        admin.platformAdmin = true;
        admin.passwordHash = passwordHash;
        return admin;
    }

    public static String normalizeEmail(String email) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
            throw new RuleViolation("\"" + (email == null ? "" : email.strip()) + "\" is not a valid e-mail address.");
        }
        return normalized;
    }

    /** Checked before hashing, so that the rule's message reaches the person, not a stack trace. */
    public static void checkPasswordStrength(String password, String email) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new RuleViolation("Choose a password of at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.length() > 200) {
            throw new RuleViolation("A password has at most 200 characters.");
        }
        if (email != null && password.toLowerCase(Locale.ROOT).contains(email.toLowerCase(Locale.ROOT))) {
            throw new RuleViolation("Your password must not contain your e-mail address.");
        }
    }

    /** Accepting an invitation: the person names themselves and sets their first password. */
    public void activate(String name, String newPasswordHash) {
        if (state == State.DISABLED) {
            throw new RuleViolation("This account has been disabled.");
        }
        Text.optionalName("Your name", name, 120).ifPresent(n -> this.displayName = n);
        this.passwordHash = newPasswordHash;
        this.state = State.ACTIVE;
    }

    public void changePassword(String newPasswordHash) {
        this.passwordHash = newPasswordHash;
    }

    public void disable() {
        this.state = State.DISABLED;
    }

    /** One e-mail a day listing what waits for this person, instead of an e-mail per post. */
    public void preferDailyDigest(boolean digest) {
        this.dailyDigest = digest;
    }

    public boolean isDailyDigest() {
        return dailyDigest;
    }

    /** Starts enrolment with a new sealed secret; two-factor sign-in counts only after {@link #confirmTwoFactor}. */
    public void startTwoFactor(String sealedSecret) {
        if (hasTwoFactor()) {
            throw new RuleViolation("Two-factor sign-in is on already. Turn it off first to use another phone.");
        }
        this.twoFactorSecret = sealedSecret;
        this.lastCodeStep = null;
    }

    /** The first code from the app proved the secret reached it: from now on every sign-in asks for a code. */
    public void confirmTwoFactor(long step, Instant now) {
        if (twoFactorSecret == null) {
            throw new RuleViolation("Start again: scan the new QR code with your app first.");
        }
        acceptCodeOf(step);
        this.twoFactorSince = now.toEpochMilli();
    }

    /** Accepts a code's step once: the same code, or an older one, never works again. */
    public boolean acceptCodeOf(long step) {
        if (lastCodeStep != null && step <= lastCodeStep) {
            return false;
        }
        lastCodeStep = step;
        return true;
    }

    public void turnOffTwoFactor() {
        this.twoFactorSecret = null;
        this.twoFactorSince = null;
        this.lastCodeStep = null;
    }

    /** The secret re-sealed under the ring's current key. */
    public void resealTwoFactor(String sealedSecret) {
        this.twoFactorSecret = sealedSecret;
    }

    public boolean hasTwoFactor() {
        return twoFactorSince != null && twoFactorSecret != null;
    }

    public String getTwoFactorSecret() {
        return twoFactorSecret;
    }

    public Instant getTwoFactorSince() {
        return twoFactorSince == null ? null : Instant.ofEpochMilli(twoFactorSince);
    }

    /** Active: with a password, or through the agency's identity provider, or both. */
    public boolean canSignIn() {
        return state == State.ACTIVE;
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public State getState() {
        return state;
    }

    public boolean isPlatformAdmin() {
        return platformAdmin;
    }
}
