package app.herald.api.application;

import app.herald.api.domain.IdempotentRequest;
import app.herald.kernel.RuleViolation;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code Idempotency-Key} of API POSTs: a key is claimed in its own short transaction (so that a second request
 * with it sees it running), and its answer is kept in the transaction of the change itself (so that a change and its
 * record commit together or not at all).
 */
@Stateless
public class IdempotencyKeys {

    /** The key is in use for another request, or still running: the status and message say which. */
    @ApplicationException(rollback = true)
    public static class KeyInUse extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        public KeyInUse(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** A claim: either new (run the request, then {@link #finish}), or the earlier answer to give again. */
    public record Claim(long id, Optional<IdempotentRequest> earlier) {
    }

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Claim claim(long tokenId, String key, String requestHash, Instant now) {
        if (key.isBlank() || key.length() > IdempotentRequest.MAX_KEY
                || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new RuleViolation("An Idempotency-Key is 1 to " + IdempotentRequest.MAX_KEY
                    + " visible ASCII characters.");
        }
        em.createNamedQuery("IdempotentRequest.purge").setParameter("token", tokenId)
                .setParameter("before", now.minus(IdempotentRequest.KEPT).toEpochMilli()).executeUpdate();
        Optional<IdempotentRequest> earlier = find(tokenId, key);
        if (earlier.isPresent()) {
            IdempotentRequest found = earlier.get();
            if (!found.isFor(requestHash)) {
                throw new KeyInUse(422, "This Idempotency-Key was used for a different request in the last 24 hours."
                        + " Use a new key for a new request.");
            }
            if (!found.isDone()) {
                throw new KeyInUse(409, "A request with this Idempotency-Key is still running. Try again shortly.");
            }
            return new Claim(found.getId(), earlier);
        }
        IdempotentRequest claimed = new IdempotentRequest(tokenId, key, requestHash, now);
        em.persist(claimed);
        em.flush();
        return new Claim(claimed.getId(), Optional.empty());
    }

    /** Keeps the answer; called inside the transaction that made the change. */
    public void finish(long claimId, int status, String location, String body) {
        em.find(IdempotentRequest.class, claimId).finish(status, location, body);
    }

    /** A request that failed leaves its key free, so that it can be sent again. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void release(long claimId) {
        IdempotentRequest claimed = em.find(IdempotentRequest.class, claimId);
        if (claimed != null && !claimed.isDone()) {
            em.remove(claimed);
        }
    }

    private Optional<IdempotentRequest> find(long tokenId, String key) {
        return em.createNamedQuery("IdempotentRequest.find", IdempotentRequest.class).setParameter("token", tokenId)
                .setParameter("key", key).getResultStream().findFirst();
    }
}
