package app.herald.engagement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.approval.domain.ApprovalMode;
import app.herald.kernel.RuleViolation;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a client runs its inbox: review of answers, the client's view, business hours and the first-answer target. */
class InboxSettingsTest {

    private static InboxSettings changed(BusinessHours hours, Duration sla) {
        InboxSettings settings = new InboxSettings();
        settings.change(ApprovalMode.INTERNAL_THEN_CLIENT, true, hours, sla);
        return settings;
    }

    @Test
    void whatWasChosenIsWhatIsRead() {
        BusinessHours hours = new BusinessHours(Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY),
                LocalTime.of(8, 30), LocalTime.of(17, 45));

        InboxSettings settings = changed(hours, Duration.ofHours(4));

        assertEquals(ApprovalMode.INTERNAL_THEN_CLIENT, settings.getReplyApproval());
        assertTrue(settings.isClientsSeeInbox());
        assertEquals(hours, settings.getBusinessHours());
        assertEquals(Duration.ofHours(4), settings.getSla());
    }

    @Test
    void businessHoursMayEndAtTheLastMinuteOfTheDay() {
        BusinessHours late = new BusinessHours(Set.of(DayOfWeek.SUNDAY), LocalTime.MIDNIGHT, LocalTime.of(23, 59));

        assertEquals(late, changed(late, Duration.ofMinutes(30)).getBusinessHours());
    }

    @Test
    void theTargetIsBetweenOneMinuteAndFourteenDays() {
        BusinessHours hours = BusinessHours.weekdays(9, 17);

        assertEquals(Duration.ofMinutes(1), changed(hours, Duration.ofMinutes(1)).getSla());
        assertEquals(Duration.ofDays(14), changed(hours, Duration.ofDays(14)).getSla());
        assertThrows(RuleViolation.class, () -> changed(hours, Duration.ZERO));
        assertThrows(RuleViolation.class, () -> changed(hours, Duration.ofSeconds(30)));
        assertThrows(RuleViolation.class, () -> changed(hours, Duration.ofMinutes(-5)));
        assertThrows(RuleViolation.class, () -> changed(hours, Duration.ofDays(14).plusMinutes(1)));
        assertThrows(RuleViolation.class, () -> changed(hours, null));
    }

    @Test
    void aRefusedTargetChangesNothing() {
        InboxSettings settings = changed(BusinessHours.weekdays(9, 17), Duration.ofHours(4));

        assertThrows(RuleViolation.class, () -> settings.change(ApprovalMode.NONE, false, BusinessHours.weekdays(8, 20),
                Duration.ZERO));

        assertEquals(ApprovalMode.INTERNAL_THEN_CLIENT, settings.getReplyApproval());
        assertEquals(BusinessHours.weekdays(9, 17), settings.getBusinessHours());
        assertEquals(Duration.ofHours(4), settings.getSla());
    }
}
