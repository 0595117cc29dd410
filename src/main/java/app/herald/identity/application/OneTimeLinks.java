package app.herald.identity.application;

import app.herald.identity.domain.OneTimeToken;
import app.herald.identity.domain.OneTimeToken.Purpose;
import app.herald.identity.domain.User;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.web.PublicAddress;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;

/** Issues and redeems the one-time links of invitations and password resets. */
@Stateless
public class OneTimeLinks {

    @PersistenceContext(unitName = "herald")
    EntityManager em;
    @Inject
    PublicAddress address;

    /** A new link for the user and purpose; any older open link of the same purpose stops working. */
    public String issue(User user, Purpose purpose, Duration validity, String page) {
        Instant now = Instant.now();
        em.createNamedQuery("OneTimeToken.openOfUser", OneTimeToken.class).setParameter("userId", user.getId())
                .setParameter("purpose", purpose).getResultList().forEach(old -> old.revoke(now));
        OneTimeToken.Issued issued = OneTimeToken.issue(user.getId(), purpose, validity, now);
        em.persist(issued.token());
        return address.link(page + "?token=" + issued.secret());
    }

    /** The user a link was sent to, if the link may still be used; refuses it with a clear message otherwise. */
    public User peek(String secret, Purpose purpose) {
        OneTimeToken token = find(secret);
        token.checkUsable(purpose, Instant.now());
        return em.find(User.class, token.getUserId());
    }

    /** Uses the link up: a second use is refused. */
    public User redeem(String secret, Purpose purpose) {
        OneTimeToken token = find(secret);
        token.use(purpose, Instant.now());
        return em.find(User.class, token.getUserId());
    }

    private OneTimeToken find(String secret) {
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            throw new RuleViolation("This link is not valid.");
        }
        return em.createNamedQuery("OneTimeToken.byHash", OneTimeToken.class)
                .setParameter("hash", OneTimeToken.hash(secret)).getResultStream().findFirst()
                .orElseThrow(() -> new RuleViolation("This link is not valid."));
    }
}
