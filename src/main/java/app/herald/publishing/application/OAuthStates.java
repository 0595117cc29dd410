package app.herald.publishing.application;

import app.herald.kernel.RuleViolation;
import app.herald.publishing.domain.OAuthState;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The sign-ins under way, in the platform schema: each in a short transaction of its own, never around a network call. */
@Stateless
public class OAuthStates {

    /** Rows outlive their ten minutes only to answer "already used" or "expired" instead of "not valid". */
    private static final Duration KEPT = Duration.ofDays(1);

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    public void save(OAuthState state, Instant now) {
        em.createNamedQuery("OAuthState.purge").setParameter("before", now.minus(KEPT).toEpochMilli()).executeUpdate();
        em.persist(state);
    }

    /**
     * What came back: the state (absent when unknown or someone else's, so that nothing about it is told), and why
     * it cannot be used, if it cannot.
     */
    public record Taken(Optional<OAuthState> state, Optional<String> refusal) {
    }

    /**
     * Takes a returning state for the person who came back with it, once: the row is locked while it is checked and
     * marked used, so two callbacks racing with the same state cannot both pass. Committed at once, so that the
     * state is spent even when the sign-in then fails.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Taken take(String state, long userId, Instant now) {
        OAuthState found = em.find(OAuthState.class, OAuthState.hash(state), LockModeType.PESSIMISTIC_WRITE);
        if (found == null || !found.belongsTo(userId)) {
            return new Taken(Optional.empty(), Optional.of(OAuthState.NOT_VALID));
        }
        try {
            found.use(userId, now);
            return new Taken(Optional.of(found), Optional.empty());
        } catch (RuleViolation e) {
            return new Taken(Optional.of(found), Optional.of(e.getMessage()));
        }
    }
}
