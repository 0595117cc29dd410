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
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/**
 * A report someone asked for (or a schedule did): its period and format, how far its building has come, and once
 * ready, its file's name. The file itself is stored beside it and read only for a download, never with a list.
 */
@Entity
@Table(name = "report")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
public class Report implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int MAX_NOTES = 4000;

    public enum Format {
        PDF("application/pdf", "pdf"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        CSV("text/csv", "csv");

        private final String contentType;
        private final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return extension;
        }
    }

    public enum State { QUEUED, RUNNING, READY, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Format format;

    @Column(name = "period_from", nullable = false)
    private LocalDate periodFrom;

    @Column(name = "period_to", nullable = false)
    private LocalDate periodTo;

    @Column(nullable = false)
    private String basis;

    private String notes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(nullable = false)
    private int progress;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false)
    private long requestedAt;

    @Column(name = "started_at")
    private Long startedAt;

    @Column(name = "finished_at")
    private Long finishedAt;

    @Column(name = "file_name")
    private String fileName;

    private String problem;

    @Column(name = "schedule_id")
    private Long scheduleId;

    protected Report() {
    }

    public Report(Format format, LocalDate from, LocalDate to, String basis, String notes, String requestedBy,
                  Long scheduleId, Instant now) {
        if (format == null) {
            throw new RuleViolation("Choose PDF, XLSX or CSV.");
        }
        String trimmed = notes == null ? "" : notes.strip();
        if (trimmed.length() > MAX_NOTES) {
            throw new RuleViolation("Notes can have at most " + MAX_NOTES + " characters.");
        }
        this.format = format;
        this.periodFrom = from;
        this.periodTo = to;
        this.basis = basis;
        this.notes = trimmed.isEmpty() ? null : trimmed;
        this.state = State.QUEUED;
        this.requestedBy = requestedBy;
        this.scheduleId = scheduleId;
        this.requestedAt = now.toEpochMilli();
    }

    public void running(int percent) {
        if (startedAt == null) {
            startedAt = System.currentTimeMillis();
        }
        state = State.RUNNING;
        progress = Math.max(progress, Math.min(99, Math.max(0, percent)));
    }

    public void ready(String name, Instant now) {
        state = State.READY;
        progress = 100;
        fileName = name;
        finishedAt = now.toEpochMilli();
        problem = null;
    }

    public void failed(String why, Instant now) {
        state = State.FAILED;
        problem = why == null ? "Unknown problem" : why.substring(0, Math.min(why.length(), 2000));
        finishedAt = now.toEpochMilli();
    }

    public boolean isFinished() {
        return state == State.READY || state == State.FAILED;
    }

    public Long getId() {
        return id;
    }

    public Format getFormat() {
        return format;
    }

    public LocalDate getPeriodFrom() {
        return periodFrom;
    }

    public LocalDate getPeriodTo() {
        return periodTo;
    }

    public String getBasis() {
        return basis;
    }

    public String getNotes() {
        return notes;
    }

    public State getState() {
        return state;
    }

    public int getProgress() {
        return progress;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return Instant.ofEpochMilli(requestedAt);
    }

    public Instant getFinishedAt() {
        return finishedAt == null ? null : Instant.ofEpochMilli(finishedAt);
    }

    public String getFileName() {
        return fileName;
    }

    public String getProblem() {
        return problem;
    }

    public Long getScheduleId() {
        return scheduleId;
    }
}
