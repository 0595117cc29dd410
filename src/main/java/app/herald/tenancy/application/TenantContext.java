package app.herald.tenancy.application;

import app.herald.kernel.AccessDenied;
import app.herald.tenancy.domain.TenantRef;
import java.util.Optional;

/**
 * The tenant the current request works in. Only {@link TenantGate} binds it, after checking the actor's access; the
 * tenant EntityManager producer reads it. A request stays in one tenant: binding a second one is refused, so data of
 * two tenants can never meet in one persistence context. One per request, made by {@link TenantContextProducer}.
 */
public class TenantContext {

    private TenantRef current;

    void bind(TenantRef tenant) {
        if (current != null && current.id() != tenant.id()) {
            throw new IllegalStateException("This request already works in tenant " + current.id()
                    + "; it cannot switch to tenant " + tenant.id());
        }
        current = tenant;
    }

    /**
     * What a service looked up by id in this tenant's schema, or "not found": an id of another tenant or a forged one
     * reads the same as one that never existed.
     */
    public <T> T require(T found, String what, Object id) {
        if (found == null) {
            throw new AccessDenied("No " + what + " " + id + " in tenant " + current().id());
        }
        return found;
    }

    public TenantRef current() {
        if (current == null) {
            throw new IllegalStateException("No tenant is bound to this request: enter one through TenantGate first");
        }
        return current;
    }

    public Optional<TenantRef> bound() {
        return Optional.ofNullable(current);
    }

    /**
     * A table of the current tenant's schema, qualified for SQL that Herald writes itself. The schema name is checked
     * against a strict pattern when it is made (SchemaName), so splicing it is safe; the table name is Herald's own.
     */
    public String table(String name) {
        return current().schema().value() + "." + name;
    }
}
