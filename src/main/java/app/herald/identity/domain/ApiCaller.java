package app.herald.identity.domain;

import java.util.Set;

/**
 * Who calls the REST API: a token and the member it acts for, with the member's current rights narrowed to the
 * token's clients.
 */
public record ApiCaller(long tokenId, long agencyId, Actor actor, Set<ApiScope> scopes) {

    public ApiCaller {
        scopes = Set.copyOf(scopes);
    }

    public boolean allows(ApiScope scope) {
        return scopes.contains(scope);
    }
}
