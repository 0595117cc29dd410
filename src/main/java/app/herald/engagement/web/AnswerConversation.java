package app.herald.engagement.web;

import app.herald.content.application.Snippets;
import app.herald.content.domain.Snippet;
import app.herald.content.domain.TextCheck;
import app.herald.engagement.application.ConversationThreads;
import app.herald.engagement.application.Conversations;
import app.herald.engagement.application.Replies;
import app.herald.engagement.domain.ContactIdentity;
import app.herald.engagement.domain.Interaction;
import app.herald.engagement.domain.SavedReplyText;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.Pages;
import app.herald.publishing.domain.Moderation;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answering one conversation, beside the inbox list (/client/inbox.xhtml?client=ID&conversation=ID): the thread in
 * context, an answer with a live count of what the network allows and saved replies, and "someone else is replying"
 * when a colleague writes one too. The thread refreshes by itself; the answer being typed is never touched by it.
 */
@Named
@ViewScoped
public class AnswerConversation implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAccess access;
    @Inject
    ConversationThreads threads;
    @Inject
    Conversations conversations;
    @Inject
    Replies replies;
    @Inject
    Snippets snippets;

    private String conversationParam;
    private ConversationThreads.Thread thread;
    private Long target;
    private String text;
    private Long savedReply;
    private List<Snippet> savedReplies = List.of();
    private String othersReplying;
    private boolean mayWork;

    /** Opens the conversation of the address, in the client the inbox beside it opened (when it could). */
    public void open(WorkInbox inbox) {
        if (conversationParam == null || !inbox.isReadable()) {
            return;
        }
        access.setClientId(inbox.getAccess().getClientId());
        if (!access.open()) {
            return;
        }
        try {
            long id = Pages.id(conversationParam).orElseThrow(() -> new AccessDenied("No conversation id"));
            Actor actor = access.enter();
            thread = threads.thread(actor, id);
            mayWork = actor.writesContent();
            savedReplies = mayWork ? snippets.savedReplies() : List.of();
            target = thread.latestAnswerable().map(Interaction::getId).orElse(null);
        } catch (AccessDenied e) {
            Pages.notFound();
        }
    }

    /** The thread as it is now, after an action. */
    public void refresh() {
        if (thread != null) {
            Actor actor = access.enter();
            thread = threads.thread(actor, thread.conversation().getId());
            othersReplying = conversations.someoneElseReplying(actor, thread.conversation().getId()).orElse(null);
        }
    }

    /**
     * Every few seconds: the thread is read again, and shown again only when something in it changed (new words, an
     * answer's progress, a colleague starting to reply), so the page does not flicker and the answer being typed is
     * never touched.
     */
    public void poll() {
        if (thread == null) {
            return;
        }
        String before = fingerprint();
        refresh();
        if (!fingerprint().equals(before)) {
            PrimeFaces.current().ajax().update(":conversationHead", ":thread", ":replyBox:othersReplying");
        }
    }

    private String fingerprint() {
        StringBuilder print = new StringBuilder().append(thread.conversation().getState())
                .append(thread.conversation().getLastActivityAt()).append(othersReplying);
        thread.entries().forEach(e -> print.append(e.isAnswer() ? e.answer().getState() + "/" + e.answer().getReviewState()
                : e.item().getId() + "/" + e.item().isHidden() + e.item().getPendingModeration().isPresent()));
        return print.toString();
    }

    /** The person started typing an answer: colleagues see it, and they see a colleague who already does. */
    public void typing() {
        Feedback.attempt(() -> othersReplying = conversations.replying(access.enter(), id()).orElse(null), null);
    }

    public void answer(long interactionId) {
        target = interactionId;
    }

    public void send() {
        if (Feedback.attempt(() -> replies.write(access.enter(), id(), target == null ? -1 : target, text),
                "Answer sent to the queue: it goes out in a moment, or after its review.")) {
            text = null;
            refresh();
        }
    }

    /** Puts a saved reply into the answer, its variables filled for this conversation. */
    public void insertSavedReply() {
        if (savedReply == null) {
            return;
        }
        Feedback.attempt(() -> {
            String template = snippets.find(savedReply).getBody();
            String filled = SavedReplyText.fill(template, variables());
            text = text == null || text.isBlank() ? filled : text + " " + filled;
        }, null);
        savedReply = null;
    }

    private Map<String, String> variables() {
        Optional<ContactIdentity> author = thread.entries().stream().filter(e -> !e.isAnswer()
                && e.item().getId().equals(target)).map(ConversationThreads.Entry::author).findFirst();
        String name = thread.contact().getName();
        return Map.of(SavedReplyText.NAME, name, SavedReplyText.FIRST_NAME, SavedReplyText.firstName(name),
                SavedReplyText.HANDLE, author.map(ContactIdentity::getHandle).orElse(""),
                SavedReplyText.POST_LINK, thread.ownPost() == null || thread.ownPost().url() == null ? ""
                        : thread.ownPost().url());
    }

    /** Whether the network lets the client's account do this to the item. */
    public boolean allows(Interaction item, Moderation action) {
        return thread != null && thread.allowed().getOrDefault(item.getKind(), java.util.Set.of()).contains(action);
    }

    /** The first letter of a name, for the round picture beside it (whole, even when it is an emoji). */
    public String initial(String name) {
        return name == null || name.isBlank() ? "?" : new String(Character.toChars(name.strip().codePointAt(0)));
    }

    /** The first words of a long text, for short lists. */
    public String shorten(String text) {
        if (text == null || text.codePointCount(0, text.length()) <= 120) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, 120)) + "…";
    }

    public TextCheck getCheck() {
        return thread == null ? null : replies.check(id(), text);
    }

    public void retry(long replyId) {
        Feedback.attempt(() -> replies.retry(access.enter(), replyId), "Queued again.");
        refresh();
    }

    public void cancel(long replyId) {
        Feedback.attempt(() -> replies.cancel(access.enter(), replyId), "Answer cancelled.");
        refresh();
    }

    private long id() {
        return thread.conversation().getId();
    }

    public ClientAccess getAccess() {
        return access;
    }

    public ConversationThreads.Thread getThread() {
        return thread;
    }

    public boolean isMayWork() {
        return mayWork;
    }

    public String getConversationParam() {
        return conversationParam;
    }

    public void setConversationParam(String conversationParam) {
        this.conversationParam = conversationParam;
    }

    public Long getTarget() {
        return target;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Long getSavedReply() {
        return savedReply;
    }

    public void setSavedReply(Long savedReply) {
        this.savedReply = savedReply;
    }

    public List<Snippet> getSavedReplies() {
        return savedReplies;
    }

    public String getOthersReplying() {
        return othersReplying;
    }
}
