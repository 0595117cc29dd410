package app.herald.identity.web;

import app.herald.identity.application.SingleSignOn;
import app.herald.identity.domain.Actor;
import app.herald.identity.domain.Role;
import app.herald.identity.domain.SignOnSettings;
import app.herald.identity.infrastructure.OpenIdConnect;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.Pages;
import app.herald.kernel.web.PublicAddress;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * An owner's Single sign-on screen (/agency/single-sign-on.xhtml): the provider (checked by reading its discovery
 * document before anything is stored), the sign-in name, whether staff must use it, and who may join by signing in.
 */
@Named
@ViewScoped
public class SetUpSingleSignOn implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CurrentActor current;
    @Inject
    SingleSignOn singleSignOn;

    private boolean configured;
    private String signInName;
    private String issuer;
    private String clientId;
    private String clientSecret;
    private boolean staffMustUse;
    private String joinRole = "";
    private String joinDomains;
    private String callbackAddress;
    private String startAddress;

    public void open() {
        Actor actor = current.get();
        if (actor.agencyId().filter(actor::owns).isEmpty()) {
            Pages.forbidden();
            return;
        }
        load();
    }

    private void load() {
        configured = false;
        singleSignOn.setupOf(current.get()).ifPresent(setup -> {
            configured = true;
            signInName = setup.signInName();
            issuer = setup.issuer();
            clientId = setup.clientId();
            staffMustUse = setup.staffMustUse();
            joinRole = setup.joinRole() == null ? "" : setup.joinRole().name();
            joinDomains = setup.joinDomains();
        });
        clientSecret = null;
        // Looked up here, not injected: the address depends on the request, and a view-scoped bean keeps no request.
        PublicAddress address = CDI.current().select(PublicAddress.class).get();
        callbackAddress = address.link(SingleSignOnServlet.CALLBACK);
        startAddress = signInName == null ? null : address.link(SingleSignOnServlet.START + "?agency=" + signInName);
    }

    public void save() {
        boolean saved = Feedback.attempt(() -> {
            SingleSignOn.Setup setup = new SingleSignOn.Setup(signInName, issuer, clientId, clientSecret,
                    staffMustUse, chosenJoinRole(), joinDomains);
            // The provider is asked first, outside any transaction: a wrong issuer is said now, not at a sign-in.
            OpenIdConnect.discover(SignOnSettings.checkIssuer(issuer));
            singleSignOn.configure(current.get(), setup, Instant.now());
        }, "Single sign-on is set up. Staff sign in at the address below; existing members link their account "
                + "once under My settings.");
        if (saved) {
            load();
        }
    }

    public void turnOff() {
        if (Feedback.attempt(() -> singleSignOn.turnOff(current.get()), "Single sign-on is off: staff sign in with "
                + "their passwords.")) {
            signInName = null;
            issuer = null;
            clientId = null;
            staffMustUse = false;
            joinRole = "";
            joinDomains = null;
            load();
        }
    }

    /** The role chosen must be one offered: a forged value is a refusal, not a crash. */
    private Role chosenJoinRole() {
        if (joinRole == null || joinRole.isBlank()) {
            return null;
        }
        return getJoinRoles().stream().filter(r -> r.name().equals(joinRole)).findFirst()
                .orElseThrow(() -> new RuleViolation("Choose manager, editor or analyst, or nobody."));
    }

    public List<Role> getJoinRoles() {
        return List.of(Role.MANAGER, Role.EDITOR, Role.ANALYST);
    }

    public void setJoinRole(String joinRole) {
        this.joinRole = joinRole;
    }

    public String getJoinRole() {
        return joinRole;
    }

    public boolean isConfigured() {
        return configured;
    }

    public String getSignInName() {
        return signInName;
    }

    public void setSignInName(String signInName) {
        this.signInName = signInName;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public boolean isStaffMustUse() {
        return staffMustUse;
    }

    public void setStaffMustUse(boolean staffMustUse) {
        this.staffMustUse = staffMustUse;
    }

    public String getJoinDomains() {
        return joinDomains;
    }

    public void setJoinDomains(String joinDomains) {
        this.joinDomains = joinDomains;
    }

    public String getCallbackAddress() {
        return callbackAddress;
    }

    public String getStartAddress() {
        return startAddress;
    }
}
