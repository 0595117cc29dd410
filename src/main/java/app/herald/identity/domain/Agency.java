package app.herald.identity.domain;

import app.herald.kernel.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A customer of the platform: owns client tenants and employs members. A suspended agency's users cannot sign in. */
@Entity
@Table(name = "agency")
@NamedQuery(name = "Agency.all", query = "SELECT a FROM Agency a ORDER BY a.name")
@NamedQuery(name = "Agency.count", query = "SELECT COUNT(a) FROM Agency a")
@NamedQuery(name = "Agency.idsInState", query = "SELECT a.id FROM Agency a WHERE a.state = :state")
@NamedQuery(name = "Agency.byName", query = "SELECT a FROM Agency a WHERE LOWER(a.name) = LOWER(:name)")
public class Agency implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum State { ACTIVE, SUSPENDED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 120)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "staff_two_factor", nullable = false)
    private boolean staffTwoFactor;

    protected Agency() {
    }

    public Agency(String name, Instant now) {
        this.name = requireName(name);
        this.state = State.ACTIVE;
        this.createdAt = now.toEpochMilli();
    }

    static String requireName(String name) {
        return Text.name("An agency's name", name, 120);
    }

    public void suspend() {
        state = State.SUSPENDED;
    }

    public void reactivate() {
        state = State.ACTIVE;
    }

    /** Whether every member of the staff must sign in with a second factor (enrolling at their next sign-in). */
    public void requireStaffTwoFactor(boolean required) {
        this.staffTwoFactor = required;
    }

    public boolean isStaffTwoFactor() {
        return staffTwoFactor;
    }

    public boolean isActive() {
        return state == State.ACTIVE;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public State getState() {
        return state;
    }

    public Instant getCreatedAt() {
        return Instant.ofEpochMilli(createdAt);
    }
}
