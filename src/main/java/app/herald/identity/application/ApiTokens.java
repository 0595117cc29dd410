package app.herald.identity.application;

import app.herald.identity.domain.Actor;
import app.herald.identity.domain.ApiCaller;
import app.herald.identity.domain.ApiScope;
import app.herald.identity.domain.ApiToken;
import app.herald.identity.domain.User;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.Secrets;
import app.herald.kernel.crypto.KeyRing;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API tokens: owners and managers make them for a member of their agency (themselves included), list and revoke
 * them; every API request is checked here, against the token and against the member as they stand now.
 */
@Stateless
public class ApiTokens {

    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789";
    private static final String SECRET_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /** A token just made, with the only copy of its secret text. */
    public record Issued(ApiToken token, String text) {
    }

    /** The outcome of presenting a token: the caller, or why not (said to the caller as is). */
    public record Check(Optional<ApiCaller> caller, String refusal) {

        static Check refused(String why) {
            return new Check(Optional.empty(), why);
        }
    }

    @PersistenceContext(unitName = "herald")
    EntityManager em;
    @Inject
    KeyRing keys;
    @Inject
    Actors actors;
    @Inject
    SignInStanding standing;
    @Inject
    ClientWorkspaces workspaces;

    public Issued issue(Actor issuer, String memberEmail, String name, Set<ApiScope> scopes, Set<Long> clients,
                        Instant expiresAt) {
        long agency = agencyRunBy(issuer);
        Actor member = actors.byEmail(memberEmail == null ? "" : memberEmail)
                .filter(a -> a.isStaffOf(agency))
                .orElseThrow(() -> new RuleViolation("Choose a member of the agency for the token to act for."));
        if (clients.isEmpty() && !(issuer.allClients() && member.allClients())) {
            throw new RuleViolation("Choose the clients the token may reach: "
                    + (issuer.allClients() ? member.email() : "you") + " do not see every client of the agency.");
        }
        for (long client : clients) {
            boolean ofAgency = workspaces.find(client).filter(w -> w.agencyId() == agency).isPresent();
            if (!ofAgency || !issuer.mayOpen(client, agency)) {
                throw new AccessDenied("Client " + client + " is not one " + issuer.email() + " sees.");
            }
            if (!member.mayOpen(client, agency)) {
                throw new RuleViolation(member.email() + " does not work on "
                        + workspaces.find(client).map(w -> w.name()).orElse("that client") + ".");
            }
        }
        Instant now = Instant.now();
        String prefix = Secrets.randomText(ALPHABET, ApiToken.PREFIX_LENGTH);
        String text = ApiToken.MARK + prefix + "_" + Secrets.randomText(SECRET_ALPHABET, ApiToken.SECRET_LENGTH);
        ApiToken token = new ApiToken(agency, member.userId(), issuer.email(), name, scopes, clients, now, expiresAt,
                prefix);
        token.keepDigest(keys.cipher().digest(text, token.digestContext()));
        em.persist(token);
        return new Issued(token, text);
    }

    /** A token as listed, with the address of the member it acts for. */
    public record Listed(ApiToken token, String member) {
    }

    /** The tokens this person keeps: every token of the agency for those who see every client, else their own. */
    public List<Listed> of(Actor actor) {
        long agency = agencyRunBy(actor);
        return em.createNamedQuery("ApiToken.ofAgency", ApiToken.class).setParameter("agency", agency)
                .getResultList().stream().filter(t -> keeps(actor, t))
                .map(t -> new Listed(t, Optional.ofNullable(em.find(User.class, t.getUserId())).map(User::getEmail)
                        .orElse("a former member"))).toList();
    }

    public void revoke(Actor actor, long tokenId) {
        ApiToken token = em.find(ApiToken.class, tokenId);
        if (token == null || token.getAgencyId() != agencyRunBy(actor) || !keeps(actor, token)) {
            throw new AccessDenied("No API token " + tokenId + " for " + actor.email());
        }
        token.revoke(Instant.now());
    }

    /** Checks a presented token and notes its use; one transaction, one row read in the common case. */
    public Check check(String presented, String address, Instant now) {
        Optional<String> prefix = prefixOf(presented);
        if (prefix.isEmpty()) {
            return Check.refused("This is not a Herald API token.");
        }
        ApiToken token = em.createNamedQuery("ApiToken.byPrefix", ApiToken.class)
                .setParameter("prefix", prefix.get()).getResultStream().findFirst().orElse(null);
        if (token == null || !keys.cipher().matchesDigest(token.getDigest(), presented, token.digestContext())) {
            return Check.refused("This token is not known.");
        }
        Optional<String> refusal = token.refusal(now);
        if (refusal.isPresent()) {
            return Check.refused(refusal.get());
        }
        Optional<Actor> member = actors.byId(token.getUserId()).filter(a -> a.isStaffOf(token.getAgencyId()));
        if (member.isEmpty()) {
            return Check.refused("The member this token acts for is no longer in the agency.");
        }
        Optional<String> standingRefusal = standing.refusal(member.get());
        if (standingRefusal.isPresent()) {
            return Check.refused(standingRefusal.get());
        }
        token.used(now, address);
        return new Check(Optional.of(new ApiCaller(token.getId(), token.getAgencyId(), token.narrow(member.get()),
                token.getScopes())), "");
    }

    static Optional<String> prefixOf(String presented) {
        int length = ApiToken.MARK.length() + ApiToken.PREFIX_LENGTH + 1 + ApiToken.SECRET_LENGTH;
        if (presented == null || presented.length() != length || !presented.startsWith(ApiToken.MARK)
                || presented.charAt(ApiToken.MARK.length() + ApiToken.PREFIX_LENGTH) != '_') {
            return Optional.empty();
        }
        String prefix = presented.substring(ApiToken.MARK.length(), ApiToken.MARK.length() + ApiToken.PREFIX_LENGTH);
        return prefix.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0) ? Optional.of(prefix) : Optional.empty();
    }

    private static boolean keeps(Actor actor, ApiToken token) {
        return actor.allClients() || token.getCreatedBy().equals(actor.email()) || token.getUserId() == actor.userId();
    }

    private static long agencyRunBy(Actor actor) {
        return actor.agencyId().filter(actor::runs)
                .orElseThrow(() -> new AccessDenied("Only an agency's owners and managers keep its API tokens."));
    }

    /** The scopes named, for forms and requests. */
    public static Set<ApiScope> scopes(Collection<String> codes) {
        return codes.stream().map(ApiScope::of).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
