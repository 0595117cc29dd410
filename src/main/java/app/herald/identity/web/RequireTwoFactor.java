package app.herald.identity.web;

import app.herald.identity.application.TwoFactor;
import app.herald.kernel.web.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** An owner's rule on the People page: everyone on the agency's staff signs in with a second factor. */
@Named
@ViewScoped
public class RequireTwoFactor implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentActor current;
    @Inject
    TwoFactor twoFactor;

    private boolean required;

    @PostConstruct
    void load() {
        required = current.get().agencyId().map(twoFactor::requiredForStaffOf).orElse(false);
    }

    public void save() {
        Feedback.attempt(() -> twoFactor.requireForStaff(current.get(), required), required
                ? "Everyone on your staff now signs in with a code from their phone; those without one set it up "
                        + "at their next sign-in."
                : "Two-factor sign-in is now each person's choice.");
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }
}
