package app.herald.identity.web;

import app.herald.identity.application.TwoFactor;
import app.herald.kernel.web.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Two-factor sign-in on the person's own settings page: turn it on (password, scan, first code), turn it off
 * (password and a code), or get new recovery codes (password).
 */
@Named
@ViewScoped
public class ManageTwoFactor implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    CurrentActor current;
    @Inject
    TwoFactor twoFactor;

    private TwoFactor.Standing standing;
    private Enrolling enrolling;
    private String password;
    private String code;
    private List<String> recoveryCodes = List.of();

    @PostConstruct
    void load() {
        standing = twoFactor.standing(current.get());
    }

    public void begin() {
        if (Feedback.attempt(() -> enrolling = new Enrolling(twoFactor.begin(current.get(), password)), null)) {
            password = null;
        }
    }

    public void confirm() {
        String email = current.get().email();
        if (Feedback.attempt(() -> recoveryCodes = twoFactor.confirm(email, enrolling.getCode(), Instant.now()),
                "Two-factor sign-in is on: every sign-in now asks for a code from your app.")) {
            enrolling = null;
            load();
        }
    }

    public void turnOff() {
        if (Feedback.attempt(() -> twoFactor.turnOff(current.get(), password, code, Instant.now()),
                "Two-factor sign-in is off.")) {
            password = null;
            code = null;
            load();
        }
    }

    public void renewCodes() {
        if (Feedback.attempt(() -> recoveryCodes = twoFactor.renewRecoveryCodes(current.get(), password),
                "New recovery codes: the old ones no longer work.")) {
            password = null;
            load();
        }
    }

    public boolean isOn() {
        return standing.on();
    }

    public Enrolling getEnrolling() {
        return enrolling;
    }

    public boolean isRequiredByAgency() {
        return standing.requiredByAgency();
    }

    public String getSince() {
        return standing.since() == null ? "" : DAY.format(standing.since());
    }

    public long getRecoveryCodesLeft() {
        return standing.recoveryCodesLeft();
    }

    public List<String> getRecoveryCodes() {
        return recoveryCodes;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
