package app.herald.engagement.domain;

import app.herald.kernel.Text;
import app.herald.tenancy.domain.TenantSchemaProperty;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/**
 * A person in a client's relationship: made the first time someone interacts with one of its channels, with one
 * {@link ContactIdentity} per network account; people link the accounts of one person into one contact by hand.
 * Notes, tags and the VIP mark are the agency's; a contact belongs to one client only.
 */
@Entity
@Table(name = "contact")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
public class Contact implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int MAX_NOTE = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private boolean vip;

    @Column(nullable = false)
    private String tags;

    @Column
    private String note;

    @Column(name = "first_seen_at", nullable = false)
    private long firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    private long lastSeenAt;

    @Column(name = "search_text", nullable = false)
    private String searchText;

    @Column(name = "created_at", nullable = false, updatable = false)
    private long createdAt;

    @Version
    private int version;

    protected Contact() {
    }

    public Contact(String name, Instant seen, Instant now) {
        this.name = bounded(name, 200);
        this.tags = "";
        this.firstSeenAt = seen.toEpochMilli();
        this.lastSeenAt = seen.toEpochMilli();
        this.searchText = "";
        this.createdAt = now.toEpochMilli();
    }

    /** Someone interacted at {@code at}; reports may come out of order. */
    public void seen(Instant at) {
        long when = at.toEpochMilli();
        firstSeenAt = Math.min(firstSeenAt, when);
        lastSeenAt = Math.max(lastSeenAt, when);
    }

    /** What a search finds this contact by: its name and the handles and names of its accounts. */
    public void describedBy(Collection<ContactIdentity> identities) {
        String words = name + " " + identities.stream().map(i -> i.getHandle() + " " + i.getName())
                .collect(Collectors.joining(" "));
        searchText = bounded(words.toLowerCase(Locale.ROOT), 1000);
        identities.stream().map(ContactIdentity::getFirstSeenAt).min(Instant::compareTo)
                .ifPresent(first -> firstSeenAt = Math.min(firstSeenAt, first.toEpochMilli()));
    }

    /** The name the agency gives this person, over what the networks call them. */
    public void rename(String typed) {
        this.name = Text.name("A contact's name", typed, 200);
    }

    public void markVip(boolean value) {
        this.vip = value;
    }

    public void tag(String tag) {
        this.tags = Tags.with(tags, tag);
    }

    public void untag(String tag) {
        this.tags = Tags.without(tags, tag);
    }

    public void note(String typed) {
        this.note = Text.optionalBody("A note", typed, MAX_NOTE).orElse(null);
    }

    private static String bounded(String value, int max) {
        String clean = value == null ? "" : value.strip();
        return clean.length() <= max ? clean : clean.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public boolean isVip() {
        return vip;
    }

    public List<String> getTags() {
        return Tags.of(tags);
    }

    public boolean hasTag(String tag) {
        return getTags().contains(tag);
    }

    public Optional<String> getNote() {
        return Optional.ofNullable(note);
    }

    public Instant getFirstSeenAt() {
        return Instant.ofEpochMilli(firstSeenAt);
    }

    public Instant getLastSeenAt() {
        return Instant.ofEpochMilli(lastSeenAt);
    }
}
