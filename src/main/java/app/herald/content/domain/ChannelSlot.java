package app.herald.content.domain;

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
import java.time.DayOfWeek;
import java.time.LocalTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/** A stored weekly {@link PostingSlot} of one channel. */
@Entity
@Table(name = "posting_slot")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "ChannelSlot.ofChannel", query = "SELECT s FROM ChannelSlot s WHERE s.channelId = :channelId")
public class ChannelSlot implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "channel_id", nullable = false)
    private long channelId;

    @Enumerated(EnumType.STRING)
    @Column(name = "day_of_week", nullable = false)
    private DayOfWeek day;

    @Column(name = "local_time", nullable = false)
    private String time;

    protected ChannelSlot() {
    }

    public ChannelSlot(long channelId, PostingSlot slot) {
        this.channelId = channelId;
        this.day = slot.day();
        this.time = slot.time().toString();
    }

    public PostingSlot slot() {
        return new PostingSlot(day, LocalTime.parse(time));
    }

    public Long getId() {
        return id;
    }

    public long getChannelId() {
        return channelId;
    }

    public String getLabel() {
        return day.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH) + " " + time;
    }
}
