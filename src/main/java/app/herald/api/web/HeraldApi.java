package app.herald.api.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Herald's REST API, version 1. Callers present an API token as a bearer token; the OpenAPI document that Payara
 * serves at /openapi is generated from these resources.
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "Herald API", version = "1",
        description = "Clients, channels and posts of an agency's clients: read, write, schedule, submit for review "
                + "and record review decisions. Errors are RFC 9457 problem documents; lists use cursors."),
        security = @SecurityRequirement(name = "token"))
@SecurityScheme(securitySchemeName = "token", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API token made under Agency > API tokens (hrld_...).")
public class HeraldApi extends Application {
}
