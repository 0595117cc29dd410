package app.herald.identity.domain;

/**
 * Who an identity provider says signed in, from an ID token whose signature, issuer, audience, nonce and lifetime
 * were checked.
 *
 * @param email         as the provider reports it; may be null
 * @param emailVerified whether the provider says it checked that the person holds that address
 */
public record ProvenIdentity(String issuer, String subject, String email, boolean emailVerified, String name) {
}
