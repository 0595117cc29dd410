package app.herald.tracking.web;

import app.herald.kernel.web.PublicAddress;
import app.herald.kernel.web.Feedback;
import app.herald.tenancy.web.ClientAccess;
import app.herald.tracking.application.ConversionKeys;
import app.herald.tracking.application.TrackedLinks;
import jakarta.faces.context.FacesContext;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * A client's link tracking (/client/tracking.xhtml?client=ID): what its tracked links brought, and for the agency,
 * how to send conversions from the client's site (the endpoint, the signing secret, the click-keeping script).
 */
@Named
@ViewScoped
public class TrackConversions implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAccess access;
    @Inject
    TrackedLinks links;
    @Inject
    ConversionKeys keys;
    /** Looked up per use: the address is request-bound and not serializable, this bean lives in the view. */
    @Inject
    Instance<PublicAddress> address;

    private String secret;
    private transient List<TrackedLinks.LinkStats> stats;

    public void open() {
        if (access.open()) {
            load();
        }
    }

    private void load() {
        stats = links.stats(50);
        boolean staff = FacesContext.getCurrentInstance().getExternalContext().isUserInRole("MEMBER");
        secret = staff ? keys.secret().orElse(null) : null;
    }

    public void renew() {
        Feedback.attempt(() -> secret = keys.renew(access.enter()),
                "A new secret is ready. Conversions signed with the old one are refused from now on.");
        stats = links.stats(50);
    }

    public List<TrackedLinks.LinkStats> getStats() {
        if (stats == null) {
            access.enter();
            load();
        }
        return stats;
    }

    /** Herald's public address (herald.base-url behind a proxy), as the client's developers must call it. */
    public String getEndpoint() {
        return address.get().link("/api/conversions/" + access.getClient().id());
    }

    public String getScript() {
        return address.get().link("/track/herald.js");
    }

    public String getSecret() {
        return secret;
    }

    public ClientAccess getAccess() {
        return access;
    }
}
