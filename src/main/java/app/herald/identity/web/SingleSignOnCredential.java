package app.herald.identity.web;

import jakarta.security.enterprise.credential.Credential;

/**
 * The account an identity provider's checked answer opens. Made only by {@link SingleSignOnServlet} after the ID
 * token passed every check and {@code SingleSignOn.signIn} chose the account; never built from a request's words.
 */
record SingleSignOnCredential(String email) implements Credential {
}
