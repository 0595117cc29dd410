package app.herald.tenancy.domain;

import java.time.ZoneId;

/** An immutable handle on a tenant that a request has been allowed into: what the rest of Herald needs to know. */
public record TenantRef(long id, long agencyId, SchemaName schema, ZoneId zone, String name)
        implements java.io.Serializable {
}
