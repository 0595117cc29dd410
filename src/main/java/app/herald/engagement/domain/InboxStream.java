package app.herald.engagement.domain;

import app.herald.tenancy.domain.TenantSchemaProperty;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
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
 * How far the reading of one stream of one channel has got: the network's own cursor (opaque to Herald), when it
 * was last read, and what went wrong last, for the inbox to show.
 */
@Entity
@Table(name = "inbox_stream")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "InboxStream.ofChannel", query = "SELECT s FROM InboxStream s WHERE s.channelId = :channelId")
@NamedQuery(name = "InboxStream.problems", query = "SELECT s FROM InboxStream s WHERE s.problem IS NOT NULL")
public class InboxStream implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "channel_id", nullable = false, updatable = false)
    private long channelId;

    @Column(nullable = false, updatable = false)
    private String stream;

    @Column(name = "cursor_value")
    private String cursor;

    @Column(name = "read_at", nullable = false)
    private long readAt;

    @Column(name = "items_read", nullable = false)
    private long itemsRead;

    @Column
    private String problem;

    protected InboxStream() {
    }

    public InboxStream(long channelId, String stream, Instant now) {
        this.channelId = channelId;
        this.stream = stream;
        this.readAt = now.toEpochMilli();
    }

    /** Read: {@code items} came, and the next reading starts from {@code next} (empty: where it started). */
    public void read(int items, Optional<String> next, Instant now) {
        next.ifPresent(value -> {
            if (value.length() > 1000) {
                throw new IllegalStateException("A network's cursor longer than 1,000 characters: " + value.length());
            }
            cursor = value;
        });
        itemsRead += items;
        readAt = now.toEpochMilli();
        problem = null;
    }

    public void failed(String why, Instant now) {
        problem = why.length() <= 1000 ? why : why.substring(0, 1000);
        readAt = now.toEpochMilli();
    }

    public long getChannelId() {
        return channelId;
    }

    public String getStream() {
        return stream;
    }

    public Optional<String> getCursor() {
        return Optional.ofNullable(cursor);
    }

    public Instant getReadAt() {
        return Instant.ofEpochMilli(readAt);
    }

    public long getItemsRead() {
        return itemsRead;
    }

    public Optional<String> getProblem() {
        return Optional.ofNullable(problem);
    }
}
