package app.herald.identity.web;

import jakarta.security.enterprise.credential.Credential;

/**
 * The second step of a sign-in: a code from the authenticator app or a recovery code, for the person whose password
 * this session gave a moment ago ({@link PendingSignIn}). Empty after enrolling at sign-in, where the first code has
 * just been checked.
 */
record SecondFactorCredential(String code) implements Credential {

    @Override
    public boolean isValid() {
        return true;
    }
}
