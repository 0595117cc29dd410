package app.herald.tenancy.domain;

/** The EntityManager property that names the tenant schema for every TABLE_PER_TENANT entity. */
public final class TenantSchemaProperty {

    public static final String NAME = "herald.tenant-schema";

    private TenantSchemaProperty() {
    }
}
