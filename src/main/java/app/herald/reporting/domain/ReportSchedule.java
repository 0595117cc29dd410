package app.herald.reporting.domain;

import app.herald.kernel.RuleViolation;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/**
 * A report sent by itself: weekly (Monday morning, for the week before) or monthly (on the 1st, for the month
 * before), e-mailed to chosen client users. Runs at {@link #SEND_AT} in the client's zone.
 */
@Entity
@Table(name = "report_schedule")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "ReportSchedule.all", query = "SELECT s FROM ReportSchedule s ORDER BY s.id")
public class ReportSchedule implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final LocalTime SEND_AT = LocalTime.of(7, 0);

    public enum Cadence { WEEKLY, MONTHLY }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Cadence cadence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Report.Format format;

    @Column(nullable = false)
    private String recipients;

    private String notes;

    @Column(name = "next_run_at", nullable = false)
    private long nextRunAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected ReportSchedule() {
    }

    public ReportSchedule(Cadence cadence, Report.Format format, List<String> recipients, String notes,
                          String createdBy, ZoneId zone, Instant now) {
        if (cadence == null || format == null) {
            throw new RuleViolation("Choose how often and in which format.");
        }
        if (recipients.isEmpty()) {
            throw new RuleViolation("Choose at least one client user to send the report to.");
        }
        this.cadence = cadence;
        this.format = format;
        this.recipients = String.join(",", recipients);
        this.notes = notes == null || notes.isBlank() ? null : notes.strip();
        if (this.notes != null && this.notes.length() > Report.MAX_NOTES) {
            throw new RuleViolation("Notes can have at most " + Report.MAX_NOTES + " characters.");
        }
        this.createdBy = createdBy;
        this.createdAt = now.toEpochMilli();
        this.nextRunAt = nextRunAfter(now, zone).toEpochMilli();
    }

    /** The first run after {@code now}: next Monday (weekly) or the next 1st of a month (monthly), 07:00 local. */
    public Instant nextRunAfter(Instant now, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate day = cadence == Cadence.WEEKLY ? today.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                : today.with(TemporalAdjusters.firstDayOfNextMonth());
        return app.herald.kernel.WallClock.at(day.atTime(SEND_AT), zone).toInstant();
    }

    /** The period a run on {@code runDay} reports: the week or month before it. */
    public LocalDate[] periodFor(LocalDate runDay) {
        if (cadence == Cadence.WEEKLY) {
            LocalDate monday = runDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
            return new LocalDate[] {monday, monday.plusDays(6)};
        }
        LocalDate first = runDay.withDayOfMonth(1).minusMonths(1);
        return new LocalDate[] {first, first.with(TemporalAdjusters.lastDayOfMonth())};
    }

    public void ranAt(Instant now, ZoneId zone) {
        nextRunAt = nextRunAfter(now, zone).toEpochMilli();
    }

    public Long getId() {
        return id;
    }

    public Cadence getCadence() {
        return cadence;
    }

    public Report.Format getFormat() {
        return format;
    }

    public List<String> getRecipients() {
        return Arrays.stream(recipients.split(",")).filter(s -> !s.isBlank()).toList();
    }

    public String getRecipientsText() {
        return String.join(", ", getRecipients());
    }

    public String getNotes() {
        return notes;
    }

    public Instant getNextRunAt() {
        return Instant.ofEpochMilli(nextRunAt);
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
