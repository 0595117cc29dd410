package app.herald.api.web;

import app.herald.content.application.Channels;
import app.herald.content.domain.Channel;
import app.herald.identity.domain.Actor;
import app.herald.identity.domain.ApiScope;
import app.herald.tenancy.application.TenantGate;
import app.herald.tenancy.application.TenantRegistry;
import app.herald.tenancy.domain.TenantRef;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The clients a token reaches and their channels. */
@Path("clients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clients")
public class ClientsResource {

    /** A client (a brand the agency works for) as the API shows it. */
    public record ClientView(@Schema(type = SchemaType.INTEGER, format = "int64") long id, String name,
                             String timeZone) {
    }

    /** A connected account of a client on one network. */
    public record ChannelView(@Schema(type = SchemaType.INTEGER, format = "int64") long id, String network,
                              String name, String handle, boolean connected) {
    }

    @Inject
    ApiRequest request;
    @Inject
    TenantRegistry registry;
    @Inject
    TenantGate gate;
    @Inject
    Channels channels;

    @GET
    @NeedsScope(ApiScope.CLIENTS_READ)
    @Operation(summary = "The active clients this token reaches")
    public List<ClientView> clients() {
        Actor actor = request.caller().actor();
        return registry.ofAgency(request.caller().agencyId()).stream()
                .filter(t -> t.isActive() && actor.mayOpen(t.getId(), t.getAgencyId()))
                .map(t -> new ClientView(t.getId(), t.getName(), t.ref().zone().getId())).toList();
    }

    @GET
    @Path("{client}")
    @NeedsScope(ApiScope.CLIENTS_READ)
    @Operation(summary = "One client")
    public ClientView client(@PathParam("client") long client) {
        TenantRef tenant = gate.enter(request.caller().actor(), client);
        return new ClientView(tenant.id(), tenant.name(), tenant.zone().getId());
    }

    @GET
    @Path("{client}/channels")
    @NeedsScope(ApiScope.CLIENTS_READ)
    @Operation(summary = "The client's channels")
    public List<ChannelView> channels(@PathParam("client") long client) {
        gate.enter(request.caller().actor(), client);
        return channels.all().stream().filter(Channel::isActive)
                .map(c -> new ChannelView(c.getId(), c.getNetwork().name(), c.label(), c.getHandle(), c.isConnected()))
                .toList();
    }
}
