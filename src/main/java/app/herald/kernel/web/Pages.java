package app.herald.kernel.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Answers for addresses that a person may not or cannot open. */
public final class Pages {

    private Pages() {
    }

    /**
     * "Not found", for anything the person may not see as well as for what does not exist, so that a forged id
     * never reveals whether another tenant's thing exists.
     */
    public static void notFound() {
        sendError(404, "No such page");
    }

    /** For a page the person's role does not include, where the page itself is no secret. */
    public static void forbidden() {
        sendError(403, "Not allowed");
    }

    private static void sendError(int status, String message) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(status, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /** An id from an address; anything but a positive number is no id at all. */
    public static Optional<Long> id(String value) {
        if (value == null || !value.matches("^[1-9][0-9]{0,17}$")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }

    public static void redirect(String path) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }
}
