package app.herald.kernel.web;

import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/**
 * Runs a screen's action and tells the person how it went: the success message, or the broken rule's own message.
 * Only the two failures a person can act on are caught here; anything else is a defect and goes to the error page.
 */
public final class Feedback {

    private Feedback() {
    }

    public static boolean attempt(Runnable action, String success) {
        try {
            action.run();
            if (success != null) {
                info(success);
            }
            return true;
        } catch (RuleViolation e) {
            error(e.getMessage());
        } catch (AccessDenied e) {
            error("You are not allowed to do that.");
        }
        return false;
    }

    public static void info(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
        keepAcrossRedirect();
    }

    public static void error(String message) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        keepAcrossRedirect();
    }

    private static void keepAcrossRedirect() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }
}
