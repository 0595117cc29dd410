package app.herald.content.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** The claim of one day's digest by one node, so that a cluster sends each day's digest once. */
@Entity
@Table(name = "digest_run")
public class DigestRun {

    @Id
    @Column(name = "run_day")
    private String runDay;

    @Column(name = "claimed_at", nullable = false)
    private long claimedAt;

    protected DigestRun() {
    }

    public DigestRun(LocalDate day, Instant now) {
        this.runDay = day.toString();
        this.claimedAt = now.toEpochMilli();
    }
}
