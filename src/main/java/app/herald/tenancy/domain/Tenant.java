package app.herald.tenancy.domain;

import app.herald.kernel.RuleViolation;
import app.herald.kernel.Text;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A client brand of an agency, registered in the platform schema, with its data in its own schema. The registry row
 * is the only place that knows which schema belongs to which tenant.
 */
@Entity
@Table(name = "tenant")
@NamedQuery(name = "Tenant.ofAgency", query = "SELECT t FROM Tenant t WHERE t.agencyId = :agencyId ORDER BY t.name")
@NamedQuery(name = "Tenant.all", query = "SELECT t FROM Tenant t ORDER BY t.id")
@NamedQuery(name = "Tenant.standings", query = "SELECT t.id, t.agencyId, t.name, t.schemaName, t.timeZone, t.state "
        + "FROM Tenant t")
@NamedQuery(name = "Tenant.countByName",
        query = "SELECT COUNT(t) FROM Tenant t WHERE t.agencyId = :agencyId AND LOWER(t.name) = LOWER(:name) AND t.id <> :id")
public class Tenant implements Serializable {

    private static final long serialVersionUID = 1L;

    public enum State { ACTIVE, DEACTIVATED }

    public static final int MAX_LOGO_BYTES = 512 * 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "agency_id", nullable = false)
    private long agencyId;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "schema_name", nullable = false, updatable = false)
    private String schemaName;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "schema_version")
    private String schemaVersion;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    private byte[] logo;

    @Column(name = "logo_type")
    private String logoType;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected Tenant() {
    }

    public Tenant(long agencyId, String name, ZoneId zone, SchemaName schema, Instant now) {
        this.agencyId = agencyId;
        this.name = requireName(name);
        this.timeZone = zone.getId();
        this.schemaName = schema.value();
        this.state = State.ACTIVE;
        this.createdAt = now.toEpochMilli();
    }

    public static String requireName(String name) {
        return Text.name("A client's name", name, 120);
    }

    /** Parses an IANA zone id as typed by a person, refusing offsets and abbreviations that hide DST rules. */
    public static ZoneId requireZone(String zoneId) {
        if (zoneId == null || !zoneId.contains("/")) {
            throw new RuleViolation("Choose a time zone by region, such as Europe/Berlin.");
        }
        try {
            return ZoneId.of(zoneId.strip());
        } catch (DateTimeException e) {
            throw new RuleViolation("\"" + zoneId + "\" is not a known time zone.");
        }
    }

    public void rename(String newName) {
        this.name = requireName(newName);
    }

    public void moveToZone(ZoneId zone) {
        this.timeZone = zone.getId();
    }

    public void changeLogo(Logo newLogo) {
        this.logo = newLogo.bytes();
        this.logoType = newLogo.contentType();
    }

    public void deactivate() {
        state = State.DEACTIVATED;
    }

    public void reactivate() {
        state = State.ACTIVE;
    }

    public void migratedTo(String version) {
        this.schemaVersion = version;
    }

    public boolean isActive() {
        return isActive(state);
    }

    public boolean belongsTo(long agency) {
        return agencyId == agency;
    }

    /** The person must type the client's exact name to delete it: a mistyped name deletes nothing. */
    public boolean isConfirmedBy(String typedName) {
        return typedName != null && typedName.strip().equals(name);
    }

    public Long getId() {
        return id;
    }

    public long getAgencyId() {
        return agencyId;
    }

    public String getName() {
        return name;
    }

    public SchemaName getSchema() {
        return new SchemaName(schemaName);
    }

    public ZoneId getZone() {
        return ZoneId.of(timeZone);
    }

    public String getTimeZone() {
        return timeZone;
    }

    public State getState() {
        return state;
    }

    public String getSchemaVersion() {
        return schemaVersion;
    }

    public boolean hasLogo() {
        return logoType != null;
    }

    public Logo getLogo() {
        return hasLogo() ? new Logo(logo, logoType) : null;
    }

    public Instant getCreatedAt() {
        return Instant.ofEpochMilli(createdAt);
    }

    /** The handle of a tenant read as plain columns (see the named query Tenant.standings), its logo left unread. */
    public static TenantRef refOf(long id, long agencyId, String name, String schemaName, String timeZone) {
        return new TenantRef(id, agencyId, new SchemaName(schemaName), ZoneId.of(timeZone), name);
    }

    public static boolean isActive(State state) {
        return state == State.ACTIVE;
    }

    public TenantRef ref() {
        return new TenantRef(id, agencyId, getSchema(), getZone(), name);
    }
}
