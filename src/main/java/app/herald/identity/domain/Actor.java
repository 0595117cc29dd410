package app.herald.identity.domain;

import java.util.Optional;
import java.util.Set;

/**
 * The signed-in person as the access rules see them. Every decision of who may open which tenant, and who may run
 * an agency, is made here and nowhere else.
 *
 * @param agencyId    the agency of a member or of a client user; empty for a platform admin
 * @param role        empty for a platform admin
 * @param clientOf    the one tenant of a client user
 * @param allClients  a member who sees every client of the agency
 * @param limitedTo   otherwise, the clients a member is limited to (possibly none, after those were deleted)
 */
public record Actor(long userId, String email, boolean platformAdmin, Optional<Long> agencyId, Optional<Role> role,
                    Optional<Long> clientOf, boolean allClients, Set<Long> limitedTo) {

    public Actor {
        limitedTo = Set.copyOf(limitedTo);
    }

    public static Actor platformAdmin(long userId, String email) {
        return new Actor(userId, email, true, Optional.empty(), Optional.empty(), Optional.empty(), false,
                Set.of());
    }

    /**
     * Herald itself, working in one tenant on a person's behalf (the publisher sending an approved post): an editor
     * of that tenant only, so that the same gate checks it as everyone else.
     */
    public static Actor system(long agencyId, long tenantId, String name) {
        return new Actor(0L, name, false, Optional.of(agencyId), Optional.of(Role.EDITOR), Optional.empty(), false,
                Set.of(tenantId));
    }

    public static Actor of(User user, Membership membership) {
        boolean all = membership.getRole().isStaff() && membership.isAllTenants();
        return new Actor(user.getId(), user.getEmail(), user.isPlatformAdmin(), Optional.of(membership.getAgencyId()),
                Optional.of(membership.getRole()), Optional.ofNullable(membership.getTenantId()), all,
                all ? Set.of() : membership.getLimitedTo());
    }

    /** Herald itself (the publisher, the analyst, ...), not a person. */
    public boolean isSystem() {
        return userId() == 0L && !platformAdmin();
    }

    public boolean isStaff() {
        return role.map(Role::isStaff).orElse(false);
    }

    public boolean isClientUser() {
        return role.map(Role::isClient).orElse(false);
    }

    public boolean isStaffOf(long agency) {
        return isStaff() && agencyId.orElse(-1L) == agency;
    }

    /** May this person see the workspace of the given tenant of the given agency? */
    public boolean mayOpen(long tenantId, long tenantAgencyId) {
        if (isClientUser()) {
            return clientOf.orElse(-1L) == tenantId;
        }
        return isStaffOf(tenantAgencyId) && (allClients || limitedTo.contains(tenantId));
    }

    /** Owners, managers and editors write, plan and submit posts and look after channels; analysts only read. */
    public boolean writesContent() {
        return isStaff() && role.get() != Role.ANALYST;
    }

    /** Owners and managers create, rename and deactivate clients, and manage members and client users. */
    public boolean runs(long agency) {
        return isStaffOf(agency) && role.get().managesAgency();
    }

    /** Deleting a client destroys its data; only an owner may. */
    public boolean mayDeleteClientsOf(long agency) {
        return owns(agency);
    }

    public boolean owns(long agency) {
        return isStaffOf(agency) && role.get() == Role.OWNER;
    }

    /** The Jakarta Security groups of this person, used by web.xml's constraints and the navigation. */
    public Set<String> groups() {
        if (platformAdmin && role.isEmpty()) {
            return Set.of(Role.PLATFORM_ADMIN_GROUP);
        }
        Role r = role.orElseThrow();
        return Set.of(r.name(), r.isStaff() ? Role.MEMBER_GROUP : Role.CLIENT_GROUP);
    }
}
