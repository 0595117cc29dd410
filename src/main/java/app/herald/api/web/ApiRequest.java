package app.herald.api.web;

import app.herald.identity.domain.Actor;
import app.herald.tenancy.application.TenantGate;
import jakarta.inject.Inject;
import app.herald.identity.domain.ApiCaller;
import jakarta.enterprise.context.RequestScoped;

/** The caller of this API request, as {@link TokenAuthentication} found it. */
@RequestScoped
public class ApiRequest {

    @Inject
    TenantGate gate;

    private ApiCaller caller;

    void authenticated(ApiCaller apiCaller) {
        this.caller = apiCaller;
    }

    public ApiCaller caller() {
        if (caller == null) {
            throw new IllegalStateException("An API resource ran without an authenticated caller");
        }
        return caller;
    }

    /** The caller's member, with the client's tenant opened for this request through the one tenant gate. */
    public Actor enter(long client) {
        Actor actor = caller().actor();
        gate.enter(actor, client);
        return actor;
    }
}
