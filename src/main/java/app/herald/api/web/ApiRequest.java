package app.herald.api.web;

import app.herald.identity.domain.ApiCaller;
import jakarta.enterprise.context.RequestScoped;

/** The caller of this API request, as {@link TokenAuthentication} found it. */
@RequestScoped
public class ApiRequest {

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
}
