package app.herald.engagement.web;

import app.herald.engagement.application.Conversations;
import app.herald.engagement.domain.ConversationNote;
import app.herald.engagement.domain.Priority;
import app.herald.identity.application.Actors;
import app.herald.kernel.web.Feedback;
import app.herald.publishing.domain.Moderation;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Looking after the open conversation (beside {@link AnswerConversation}, on the same page): who has it, how urgent
 * it is, its tags, done or open again, hiding, deleting or liking what was said, and the agency's internal notes,
 * which may mention colleagues.
 */
@Named
@ViewScoped
public class WorkConversation implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AnswerConversation open;
    @Inject
    Conversations conversations;
    @Inject
    Actors actors;

    private Long assignee;
    private Priority priority;
    private String newTag;
    private String note;
    private List<Long> mentioned = new ArrayList<>();
    private List<ConversationNote> notes = List.of();
    private Map<Long, String> people = Map.of();
    private boolean staff;

    /** After the open conversation was read: its current assignee and priority, its notes for the agency. */
    public void load() {
        if (open.getThread() == null) {
            return;
        }
        assignee = open.getThread().conversation().getAssigneeId();
        priority = open.getThread().conversation().getPriority();
        staff = open.getAccess().enter().isStaff();
        if (staff) {
            notes = conversations.notes(open.getAccess().enter(), id());
            people = new LinkedHashMap<>();
            conversations.assignable().forEach(userId -> people.put(userId, actors.nameOf(userId)));
        }
    }

    public void assign() {
        Feedback.attempt(() -> conversations.assign(open.getAccess().enter(), List.of(id()), assignee),
                assignee == null ? "Nobody has it now." : "Assigned to " + people.getOrDefault(assignee, "?") + ".");
        reread();
    }

    public void prioritize() {
        Feedback.attempt(() -> conversations.prioritize(open.getAccess().enter(), id(), priority), null);
        reread();
    }

    public void tag() {
        if (Feedback.attempt(() -> conversations.tag(open.getAccess().enter(), List.of(id()), newTag), null)) {
            newTag = null;
        }
        reread();
    }

    public void untag(String tag) {
        Feedback.attempt(() -> conversations.untag(open.getAccess().enter(), id(), tag), null);
        reread();
    }

    public void done() {
        Feedback.attempt(() -> conversations.done(open.getAccess().enter(), List.of(id())), "Marked done.");
        reread();
    }

    public void reopen() {
        Feedback.attempt(() -> conversations.reopen(open.getAccess().enter(), id()), "Open again.");
        reread();
    }

    public void moderate(long interactionId, Moderation action) {
        Feedback.attempt(() -> conversations.moderate(open.getAccess().enter(), interactionId, action), null);
        reread();
    }

    public void addNote() {
        if (Feedback.attempt(() -> conversations.note(open.getAccess().enter(), id(), note, new HashSet<>(mentioned)),
                "Note added.")) {
            note = null;
            mentioned = new ArrayList<>();
        }
        reread();
    }

    private void reread() {
        open.refresh();
        load();
    }

    private long id() {
        return open.getThread().conversation().getId();
    }

    public boolean isStaff() {
        return staff;
    }

    public Priority[] getPriorities() {
        return Priority.values();
    }

    public Map<Long, String> getPeople() {
        return people;
    }

    public List<ConversationNote> getNotes() {
        return notes;
    }

    public Long getAssignee() {
        return assignee;
    }

    public void setAssignee(Long assignee) {
        this.assignee = assignee;
    }

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public String getNewTag() {
        return newTag;
    }

    public void setNewTag(String newTag) {
        this.newTag = newTag;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public List<Long> getMentioned() {
        return mentioned;
    }

    public void setMentioned(List<Long> mentioned) {
        this.mentioned = mentioned == null ? new ArrayList<>() : mentioned;
    }
}
