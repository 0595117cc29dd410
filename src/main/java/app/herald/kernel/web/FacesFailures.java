package app.herald.kernel.web;

import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.primefaces.csp.CspException;

/**
 * What a person sees when a screen fails, whatever failed: never a stack trace, an exception's class name or a 500 for
 * their own mistake. An expired or forged view state (or a postback without the page's script nonce) is a 400 with the
 * "page expired" page, a forged or foreign id that reached a service is a 404, a broken rule during a postback is a
 * message on the same page, and only a defect is a 500, logged with its stack trace. Ajax requests are sent to the same
 * pages, since a partial response cannot carry a status the person would see.
 */
public class FacesFailures extends ExceptionHandlerFactory {

    public FacesFailures(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    static final class Handler extends ExceptionHandlerWrapper {

        private static final Logger LOG = Logger.getLogger(FacesFailures.class.getName());

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext faces = FacesContext.getCurrentInstance();
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            boolean answered = false;
            while (events.hasNext()) {
                Throwable failure = events.next().getContext().getException();
                events.remove();
                if (!answered) {
                    answered = answer(faces, failure);
                } else {
                    LOG.log(Level.WARNING, "A further failure in the same request", failure);
                }
            }
            getWrapped().handle();
        }

        /** Returns whether the response was answered (the request ends here). */
        private static boolean answer(FacesContext faces, Throwable failure) {
            if (find(failure, ViewExpiredException.class).isPresent() || find(failure, CspException.class).isPresent()) {
                // A postback without the page's script nonce was not sent by the page: as good as a forged view state.
                return send(faces, 400, "/error/expired.html");
            }
            if (find(failure, AccessDenied.class).isPresent()) {
                return send(faces, 404, "/error/not-found.html");
            }
            Optional<RuleViolation> broken = find(failure, RuleViolation.class);
            if (broken.isPresent()) {
                if (faces.isPostback() && faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
                    Feedback.error(broken.get().getMessage());
                    faces.renderResponse();
                    return false;
                }
                return send(faces, 404, "/error/not-found.html");
            }
            String view = faces.getViewRoot() == null ? "?" : faces.getViewRoot().getViewId();
            LOG.log(Level.SEVERE, "A defect on " + view, failure);
            return send(faces, 500, "/error/error.html");
        }

        private static boolean send(FacesContext faces, int status, String page) {
            ExternalContext external = faces.getExternalContext();
            try {
                if (external.isResponseCommitted()) {
                    LOG.warning("The response was already on its way; the failure could not be shown on " + page);
                } else if (faces.getPartialViewContext().isAjaxRequest()) {
                    external.responseReset();
                    external.redirect(external.getRequestContextPath() + page);
                } else {
                    external.responseReset();
                    external.responseSendError(status, null);
                }
            } catch (IOException | IllegalStateException e) {
                LOG.log(Level.WARNING, "Could not answer with " + page, e);
            }
            faces.responseComplete();
            return true;
        }

        private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
            for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (type.isInstance(t)) {
                    return Optional.of(type.cast(t));
                }
            }
            return Optional.empty();
        }
    }
}
