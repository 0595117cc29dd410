package app.herald.identity.domain;

/** What identity knows of a client workspace (a tenant), as tenancy tells it: its agency, name and standing. */
public record ClientWorkspace(long id, long agencyId, String name, boolean active) {
}
