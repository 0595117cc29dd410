package app.herald.identity.application;

import app.herald.identity.domain.LoginFailure;
import app.herald.identity.domain.ThrottlePolicy;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Throttles password guessing per account and per client address. Failures live in the database so that every node
 * of a cluster counts the same attempts.
 */
@Stateless
public class LoginThrottle {

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "herald.login.account-failures")
    int accountFailures;
    @Inject
    @ConfigProperty(name = "herald.login.address-failures")
    int addressFailures;
    @Inject
    @ConfigProperty(name = "herald.login.window-minutes")
    int windowMinutes;

    private ThrottlePolicy perAccount;
    private ThrottlePolicy perAddress;

    @PostConstruct
    void policies() {
        Duration window = Duration.ofMinutes(windowMinutes);
        perAccount = new ThrottlePolicy(accountFailures, window);
        perAddress = new ThrottlePolicy(addressFailures, window);
    }

    /** Why a sign-in must be refused before the password is even checked, if it must. */
    public Optional<String> refusal(String email, String address, Instant now) {
        Optional<Instant> account = perAccount.lockedUntil(failures(LoginFailure.Kind.ACCOUNT, key(email), now), now);
        if (account.isPresent()) {
            return Optional.of("Too many failed sign-ins for this account. Try again in " + minutesUntil(account.get(), now)
                    + " or reset your password.");
        }
        Optional<Instant> fromAddress = perAddress.lockedUntil(failures(LoginFailure.Kind.ADDRESS, address, now), now);
        return fromAddress.map(until -> "Too many failed sign-ins from your network. Try again in "
                + minutesUntil(until, now) + ".");
    }

    public void recordFailure(String email, String address, Instant now) {
        em.persist(new LoginFailure(LoginFailure.Kind.ACCOUNT, key(email), now));
        em.persist(new LoginFailure(LoginFailure.Kind.ADDRESS, address, now));
        em.createNamedQuery("LoginFailure.purge").setParameter("before", now.minus(Duration.ofDays(1)).toEpochMilli())
                .executeUpdate();
    }

    /** A successful sign-in or a password reset forgives the account's earlier failures. */
    public void forgive(String email) {
        em.createNamedQuery("LoginFailure.clear").setParameter("kind", LoginFailure.Kind.ACCOUNT.name())
                .setParameter("subject", key(email)).executeUpdate();
    }

    private List<Instant> failures(LoginFailure.Kind kind, String subject, Instant now) {
        long since = now.minus(Duration.ofMinutes(windowMinutes)).toEpochMilli();
        return em.createNamedQuery("LoginFailure.since", Long.class).setParameter("kind", kind.name())
                .setParameter("subject", subject).setParameter("since", since).getResultList().stream()
                .map(Instant::ofEpochMilli).toList();
    }

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static String minutesUntil(Instant until, Instant now) {
        long minutes = Math.max(1, (Duration.between(now, until).toSeconds() + 59) / 60);
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
