package app.herald.identity.domain;

import app.herald.kernel.RuleViolation;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/**
 * What a user is to an agency: a staff member with a role (optionally limited to some clients), or a client user of
 * exactly one tenant.
 */
@Entity
@Table(name = "membership")
@NamedQuery(name = "Membership.ofUser", query = "SELECT m FROM Membership m WHERE m.userId = :userId")
@NamedQuery(name = "Membership.ofAgency", query = "SELECT m FROM Membership m WHERE m.agencyId = :agencyId ORDER BY m.id")
@NamedQuery(name = "Membership.ofTenant", query = "SELECT m FROM Membership m WHERE m.tenantId = :tenantId")
@NamedQuery(name = "Membership.countOwners",
        query = "SELECT COUNT(m) FROM Membership m WHERE m.agencyId = :agencyId AND m.role = app.herald.identity.domain.Role.OWNER")
public class Membership implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;

    @Column(name = "agency_id", nullable = false, updatable = false)
    private long agencyId;

    @Column(name = "tenant_id", updatable = false)
    private Long tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "all_tenants", nullable = false)
    private boolean allTenants;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "membership_tenant", joinColumns = @JoinColumn(name = "membership_id"))
    @Column(name = "tenant_id")
    private Set<Long> limitedTo = new HashSet<>();

    protected Membership() {
    }

    private Membership(long userId, long agencyId, Long tenantId, Role role) {
        this.userId = userId;
        this.agencyId = agencyId;
        this.tenantId = tenantId;
        this.role = role;
        this.allTenants = true;
    }

    public static Membership staff(long userId, long agencyId, Role role) {
        if (!role.isStaff()) {
            throw new RuleViolation(role.label() + " is a client role; choose owner, manager, editor or analyst.");
        }
        return new Membership(userId, agencyId, null, role);
    }

    public static Membership client(long userId, long agencyId, long tenantId, Role role) {
        if (!role.isClient()) {
            throw new RuleViolation("A client user is an approver or a viewer.");
        }
        return new Membership(userId, agencyId, tenantId, role);
    }

    public void changeRole(Role newRole) {
        if (newRole.isStaff() != role.isStaff()) {
            throw new RuleViolation("A staff member cannot become a client user, nor the other way round: invite them anew.");
        }
        this.role = newRole;
        if (newRole == Role.OWNER) {
            allTenants = true;
            limitedTo.clear();
        }
    }

    /** Limits a staff member to some of the agency's clients. */
    public void limitTo(Set<Long> tenantIds) {
        if (tenantIds.isEmpty()) {
            throw new RuleViolation("Choose at least one client, or let the member see every client.");
        }
        if (!role.isStaff()) {
            throw new RuleViolation("Client users already see only their own client.");
        }
        if (role == Role.OWNER) {
            throw new RuleViolation("An owner always sees every client of the agency.");
        }
        limitedTo.clear();
        limitedTo.addAll(tenantIds);
        allTenants = false;
    }

    public void seeAllClients() {
        limitedTo.clear();
        allTenants = true;
    }

    /** A deleted client leaves the limit; a member limited to it alone then sees no client, never all of them. */
    public void forgetTenant(long tenant) {
        limitedTo.remove(tenant);
    }

    public Long getId() {
        return id;
    }

    public long getUserId() {
        return userId;
    }

    public long getAgencyId() {
        return agencyId;
    }

    public Long getTenantId() {
        return tenantId;
    }

    public Role getRole() {
        return role;
    }

    public boolean isAllTenants() {
        return allTenants;
    }

    public Set<Long> getLimitedTo() {
        return Set.copyOf(limitedTo);
    }
}
