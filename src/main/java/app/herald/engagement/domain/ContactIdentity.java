package app.herald.engagement.domain;

import app.herald.content.domain.Network;
import app.herald.publishing.domain.Person;
import app.herald.tenancy.domain.TenantSchemaProperty;
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
import java.util.Optional;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/**
 * One network account of a {@link Contact}, known by the network's stable id for it; its handle, name, picture and
 * follower count are what the network said last.
 */
@Entity
@Table(name = "contact_identity")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "ContactIdentity.byAccounts",
        query = "SELECT i FROM ContactIdentity i WHERE i.network = :network AND i.networkUserId IN :ids")
@NamedQuery(name = "ContactIdentity.byIds", query = "SELECT i FROM ContactIdentity i WHERE i.id IN :ids")
@NamedQuery(name = "ContactIdentity.ofContacts",
        query = "SELECT i FROM ContactIdentity i WHERE i.contactId IN :contactIds ORDER BY i.network, i.handle")
public class ContactIdentity implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "contact_id", nullable = false)
    private long contactId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Network network;

    @Column(name = "network_user_id", nullable = false, updatable = false)
    private String networkUserId;

    @Column(nullable = false)
    private String handle;

    @Column(nullable = false)
    private String name;

    @Column(name = "avatar_url")
    private String avatarUrl;

    @Column
    private Long followers;

    @Column(name = "first_seen_at", nullable = false)
    private long firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    private long lastSeenAt;

    protected ContactIdentity() {
    }

    public ContactIdentity(long contactId, Network network, Person person, Instant at) {
        this.contactId = contactId;
        this.network = network;
        this.networkUserId = bounded(person.id(), 300);
        this.firstSeenAt = at.toEpochMilli();
        this.lastSeenAt = at.toEpochMilli();
        describe(person);
    }

    /** The network described the account again at {@code at}: the newest description wins. */
    public void seen(Person person, Instant at) {
        long when = at.toEpochMilli();
        firstSeenAt = Math.min(firstSeenAt, when);
        if (when >= lastSeenAt) {
            lastSeenAt = when;
            describe(person);
        }
    }

    private void describe(Person person) {
        this.handle = bounded(person.handle(), 300);
        this.name = bounded(person.name(), 200);
        // Only web addresses are kept for pictures; the page shows them through an <img> with no other power.
        this.avatarUrl = person.avatarUrl() != null && person.avatarUrl().matches("(?i)^https?://\\S{1,990}$")
                ? person.avatarUrl() : null;
        if (person.followers() != null && person.followers() >= 0) {
            this.followers = person.followers();
        }
    }

    public void moveTo(long contact) {
        this.contactId = contact;
    }

    private static String bounded(String value, int max) {
        String clean = value == null ? "" : value.strip();
        return clean.length() <= max ? clean : clean.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public long getContactId() {
        return contactId;
    }

    public Network getNetwork() {
        return network;
    }

    public String getNetworkUserId() {
        return networkUserId;
    }

    public String getHandle() {
        return handle;
    }

    public String getName() {
        return name;
    }

    public Optional<String> getAvatarUrl() {
        return Optional.ofNullable(avatarUrl);
    }

    public Optional<Long> getFollowers() {
        return Optional.ofNullable(followers);
    }

    public Instant getFirstSeenAt() {
        return Instant.ofEpochMilli(firstSeenAt);
    }

    public Instant getLastSeenAt() {
        return Instant.ofEpochMilli(lastSeenAt);
    }
}
