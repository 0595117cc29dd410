package app.herald.identity.application;

import app.herald.identity.domain.Actor;
import app.herald.identity.domain.User;
import app.herald.identity.domain.UserSession;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.Secrets;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where each person is signed in: a record per browser from sign-in to sign-out, checked on every request so that
 * "sign out everywhere else" takes effect at the other browsers' next click, on any node.
 */
@Stateless
public class SignedInSessions {

    /** Records of browsers not seen for this long are forgotten at the person's next sign-in. */
    private static final Duration KEPT = Duration.ofDays(30);

    /** One browser as its owner sees it. */
    public record Seen(long id, String device, String address, Instant signedInAt, Instant lastSeenAt,
                       boolean current) implements Serializable {
    }

    @PersistenceContext(unitName = "herald")
    EntityManager em;
    @Inject
    Actors actors;

    /** Records a browser that has just signed in; returns the key its session keeps (only its hash is stored). */
    public String start(String email, String userAgent, String address, Instant now) {
        User user = actors.userByEmail(email).orElseThrow(() -> new AccessDenied("No such account."));
        em.createNamedQuery("UserSession.purge").setParameter("user", user.getId())
                .setParameter("before", now.minus(KEPT).toEpochMilli()).executeUpdate();
        String key = Secrets.newSecret();
        em.persist(new UserSession(user.getId(), key, userAgent, address, now));
        return key;
    }

    /** Whether the browser holding this key is still signed in as this person. */
    public boolean stillSignedIn(String key, long userId, Instant now) {
        return find(key).filter(s -> s.getUserId() == userId).map(s -> s.seen(now)).orElse(false);
    }

    /** The person's browsers seen within the idle limit of a session, the one asking first. */
    public List<Seen> of(Actor actor, String currentKey, Duration idleLimit, Instant now) {
        Optional<Long> currentId = find(currentKey).map(UserSession::getId);
        return em.createNamedQuery("UserSession.open", UserSession.class).setParameter("user", actor.userId())
                .setParameter("since", now.minus(idleLimit).toEpochMilli()).getResultStream()
                .map(s -> new Seen(s.getId(), s.getDevice(), s.getAddress(), s.getSignedInAt(), s.getLastSeenAt(),
                        currentId.isPresent() && currentId.get().equals(s.getId())))
                .sorted((a, b) -> Boolean.compare(b.current(), a.current()))
                .toList();
    }

    /** Signs out every other browser of the person; returns how many. */
    public int endOthers(Actor actor, String currentKey, Instant now) {
        return em.createNamedQuery("UserSession.endOthers").setParameter("now", now.toEpochMilli())
                .setParameter("user", actor.userId())
                .setParameter("hash", currentKey == null ? "" : Secrets.sha256(currentKey)).executeUpdate();
    }

    /** A new password signs the person out everywhere. */
    public void endAll(long userId, Instant now) {
        em.createNamedQuery("UserSession.endAll").setParameter("now", now.toEpochMilli()).setParameter("user", userId)
                .executeUpdate();
    }

    /** Signing out: this browser's record ends with it. */
    public void end(String key, Instant now) {
        find(key).ifPresent(s -> s.end(now));
    }

    private Optional<UserSession> find(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return em.createNamedQuery("UserSession.byKey", UserSession.class).setParameter("hash", Secrets.sha256(key))
                .getResultStream().findFirst();
    }
}
