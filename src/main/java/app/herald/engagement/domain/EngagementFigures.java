package app.herald.engagement.domain;

import app.herald.content.domain.Network;
import app.herald.publishing.domain.InteractionKind;
import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A client's inbox over a period of whole days in its zone: what came in (by kind, by network, by day), how the
 * agency answered (reply rate, first-answer and resolution times in all hours and in business hours, against the
 * first-answer target, per member) and how the relationship grew (new, returning and active contacts, and followers
 * gained among people who had interacted). docs/analytics.md defines each figure.
 */
public record EngagementFigures(LocalDate from, LocalDate to, Map<InteractionKind, Long> inboundByKind,
                                Map<Network, Long> inboundByNetwork, List<Day> daily, long conversationsOpened,
                                long conversationsAnswered, ResponseTimes firstAnswer,
                                ResponseTimes firstAnswerBusiness, ResponseTimes resolution, Duration target,
                                long answeredWithinTarget, long overdueNow, List<Member> members, long newContacts,
                                long returningContacts, long activeContacts, long followersWhoInteracted)
        implements Serializable {

    /** One day: what came in, and how many answers went out. */
    public record Day(LocalDate day, long inbound, long answers) implements Serializable {
    }

    /** One person of the agency: answers sent, and their first answers' times in business hours. */
    public record Member(String name, long answers, ResponseTimes firstAnswerBusiness) implements Serializable {
    }

    public long inbound() {
        return inboundByKind.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The share of conversations opened in the period that got an answer; null when none was opened. */
    public Double replyRate() {
        return conversationsOpened == 0 ? null : (double) conversationsAnswered / conversationsOpened;
    }

    /** The share of first answers that came within the target (business time); null when there was none. */
    public Double withinTarget() {
        return firstAnswerBusiness.isEmpty() ? null : (double) answeredWithinTarget / firstAnswerBusiness.count();
    }
}
