package app.herald.content.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A tenant's weekly posting slots for one channel, turned into instants in the tenant's time zone. */
public record SlotSchedule(List<PostingSlot> slots, ZoneId zone) {

    public SlotSchedule {
        slots = List.copyOf(new TreeSet<>(slots));
    }

    /**
     * Every slot instant after {@code from} (exclusive) and before {@code until} (exclusive), in order. Two slots that
     * land on the same instant (02:30 and 03:30 on a spring-forward day) give one.
     */
    public List<Instant> between(Instant from, Instant until) {
        TreeSet<Instant> instants = new TreeSet<>();
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = until.atZone(zone).toLocalDate().plusDays(1);
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            for (PostingSlot slot : slots) {
                if (slot.fallsOn(day)) {
                    Instant at = slot.on(day, zone).toInstant();
                    if (at.isAfter(from) && at.isBefore(until)) {
                        instants.add(at);
                    }
                }
            }
        }
        return List.copyOf(instants);
    }

    /** "Add to queue": the first slot after {@code after} that no post of the channel occupies yet. */
    public Optional<Instant> nextFree(Instant after, Collection<Instant> taken, int weeksAhead) {
        if (slots.isEmpty()) {
            return Optional.empty();
        }
        Set<Instant> occupied = Set.copyOf(taken);
        Instant until = after.atZone(zone).plusWeeks(weeksAhead).toInstant();
        return between(after, until).stream().filter(at -> !occupied.contains(at)).findFirst();
    }
}
