package app.herald.engagement.web;

import app.herald.engagement.domain.Conversation;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One conversation as the inbox list shows it: who, where, what, how it stands, and for how long someone waits. */
public record InboxRow(long id, String contact, String channel, String network, String kind, String preview,
                       String state, String stateLabel, String priority, String priorityLabel, List<String> tags,
                       String assignee, String lastActivity, String waiting, boolean overdue) implements Serializable {

    static InboxRow of(Conversation c, String contact, String channel, String network, String assignee,
                       String lastActivity, Instant now, boolean overdue) {
        return new InboxRow(c.getId(), contact, channel, network, c.getKind().label(), c.getPreview(),
                c.getState().name(), c.getState().label(), c.getPriority().name(), c.getPriority().label(),
                List.copyOf(c.getTags()), assignee, lastActivity,
                c.waitingFor(now).map(InboxRow::duration).orElse(""), overdue);
    }

    /** "12 min", "3 h", "2 days": how long someone has waited, at a glance. */
    static String duration(Duration waited) {
        long minutes = waited.toMinutes();
        if (minutes < 60) {
            return Math.max(1, minutes) + " min";
        }
        if (minutes < 48 * 60) {
            return (minutes / 60) + " h";
        }
        return (minutes / (24 * 60)) + " days";
    }

    public long getId() {
        return id;
    }

    public String getContact() {
        return contact;
    }

    public String getChannel() {
        return channel;
    }

    public String getNetwork() {
        return network;
    }

    public String getKind() {
        return kind;
    }

    public String getPreview() {
        return preview;
    }

    public String getState() {
        return state;
    }

    public String getStateLabel() {
        return stateLabel;
    }

    public String getPriority() {
        return priority;
    }

    public String getPriorityLabel() {
        return priorityLabel;
    }

    public List<String> getTags() {
        return tags;
    }

    public String getAssignee() {
        return assignee;
    }

    public String getLastActivity() {
        return lastActivity;
    }

    public String getWaiting() {
        return waiting;
    }

    /** Waiting longer than the client's first-answer target, in its business hours. */
    public boolean isOverdue() {
        return overdue;
    }
}
