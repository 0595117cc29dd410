package app.herald.content.application;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Ticks every morning at 06:00 UTC on every node; the database claim in {@link DailyDigest} makes one node send.
 * Non-persistent: the database, not the timer service, is the record of what was sent.
 */
@Singleton
public class DigestTimer {

    @Inject
    DailyDigest digest;

    @Schedule(hour = "6", minute = "0", persistent = false, info = "herald-daily-digest")
    void daily() {
        digest.send(LocalDate.now(ZoneOffset.UTC));
    }
}
