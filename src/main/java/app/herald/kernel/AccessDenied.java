package app.herald.kernel;

import jakarta.ejb.ApplicationException;

/**
 * The actor may not see or change what it asked for. Screens answer it as "not found", so that a forged id tells
 * nobody whether the thing exists.
 */
@ApplicationException(rollback = true)
public class AccessDenied extends RuntimeException {

    public AccessDenied(String message) {
        super(message);
    }
}
