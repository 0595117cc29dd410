package app.herald.engagement.web;

import app.herald.content.application.Channels;
import app.herald.content.domain.Channel;
import app.herald.engagement.application.Contacts;
import app.herald.engagement.application.Conversations;
import app.herald.engagement.application.InboxChannels;
import app.herald.engagement.application.InboxPolicy;
import app.herald.engagement.domain.BusinessHours;
import app.herald.engagement.domain.Contact;
import app.herald.engagement.domain.Conversation;
import app.herald.engagement.domain.ConversationState;
import app.herald.engagement.domain.InboxSearch;
import app.herald.engagement.domain.InboxSettings;
import app.herald.engagement.domain.Priority;
import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.kernel.paging.PageRequest;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.LazyRows;
import app.herald.kernel.web.Pages;
import app.herald.publishing.domain.InteractionKind;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A client's inbox (/client/inbox.xhtml?client=ID&state=NEW&q=...): the conversations, newest activity first, narrowed
 * by state, words, channel, kind, assignee, tag and priority (all in the address, so a filtered inbox can be
 * bookmarked), with bulk actions on a selection; the list refreshes by itself when something new arrives.
 */
@Named
@ViewScoped
public class WorkInbox implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAccess access;
    @Inject
    Conversations conversations;
    @Inject
    Contacts contacts;
    @Inject
    Channels channels;
    @Inject
    InboxChannels inboxChannels;
    @Inject
    InboxPolicy policy;
    @Inject
    Actors actors;

    private final LazyRows<InboxRow> rows = new LazyRows<>(this::countMatching, this::matching, InboxRow::id);
    private String stateParam;
    private String words;
    private Long channel;
    private InteractionKind kind;
    private String assigneeParam;
    private String tag;
    private Priority priority;
    private boolean ownPost;
    private InboxSearch search = InboxSearch.everything();
    private Map<Long, String> channelLabels = Map.of();
    private Map<Long, String> people = Map.of();
    private Map<ConversationState, Long> counts = Map.of();
    private List<InboxRow> selected = new ArrayList<>();
    private Long bulkAssignee;
    private String bulkTag;
    private String seen;
    private boolean mayWork;
    private boolean readable;
    private List<InboxChannels.Watched> watched = List.of();
    private BusinessHours hours;
    private Duration target;

    public void open() {
        if (!access.open()) {
            return;
        }
        Actor actor = access.enter();
        if (!policy.mayRead(actor)) {
            Pages.notFound();
            return;
        }
        readable = true;
        mayWork = actor.writesContent();
        channelLabels = new LinkedHashMap<>();
        channels.all().forEach(c -> channelLabels.put(c.getId(), c.label()));
        people = new LinkedHashMap<>();
        conversations.assignable().forEach(id -> people.put(id, actors.nameOf(id)));
        if (mayWork) {
            inboxChannels.keepReading();
        }
        watched = inboxChannels.watched();
        InboxSettings settings = policy.settings();
        hours = settings.getBusinessHours();
        target = settings.getSla();
        narrow();
        seen = conversations.mark();
    }

    private void narrow() {
        ConversationState state = "ALL".equals(stateParam) ? null : parse(ConversationState.class, stateParam,
                ConversationState.NEW);
        Long assignee = switch (assigneeParam == null ? "" : assigneeParam) {
            case "" -> null;
            case "me" -> access.enter().userId();
            case "nobody" -> InboxSearch.NOBODY;
            default -> Pages.id(assigneeParam).orElse(null);
        };
        search = new InboxSearch(words, state, null, channel, kind, assignee, tag, ownPost ? Boolean.TRUE : null,
                priority, null, null);
        counts = new EnumMap<>(ConversationState.class);
        for (ConversationState s : ConversationState.values()) {
            counts.put(s, conversations.countInState(s));
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        return otherwise;
    }

    /** Applies the filters typed on the page; a refused search leaves the list as it was. */
    public void search() {
        Feedback.attempt(() -> {
            narrow();
            LazyRows.firstPage(":inbox:list");
        }, null);
    }

    /**
     * Called when the page saw the inbox's mark move (inbox-live.js asks /inbox/mark every second): the list is read
     * and shown again when the mark moved since this view read it; otherwise nothing is sent back.
     */
    public void refresh() {
        if (!readable) {
            return;
        }
        access.enter();
        String latest = conversations.mark();
        if (!latest.equals(seen)) {
            seen = latest;
            narrow();
            PrimeFaces.current().ajax().update(":inbox:list", ":inbox:states");
        }
    }

    private long countMatching() {
        return conversations.count(access.enter(), search);
    }

    private List<InboxRow> matching(PageRequest request) {
        List<Conversation> page = conversations.page(access.enter(), search, request);
        Map<Long, Contact> who = contacts.byIds(page.stream().map(Conversation::getContactId).distinct().toList());
        Map<Long, Channel> where = new LinkedHashMap<>();
        channels.all().forEach(c -> where.put(c.getId(), c));
        Instant now = Instant.now();
        return page.stream().map(c -> InboxRow.of(c,
                Optional.ofNullable(who.get(c.getContactId())).map(Contact::getName).orElse("?"),
                Optional.ofNullable(where.get(c.getChannelId())).map(Channel::label).orElse(""),
                Optional.ofNullable(where.get(c.getChannelId())).map(ch -> ch.getNetwork().name()).orElse(""),
                c.getAssigneeId() == null ? "" : people.getOrDefault(c.getAssigneeId(), actors.nameOf(c.getAssigneeId())),
                access.local(c.getLastActivityAt()), now, overdue(c, now))).toList();
    }

    private boolean overdue(Conversation c, Instant now) {
        return c.getState() == ConversationState.NEW && c.getWaitingSince()
                .map(since -> hours.within(since, now, access.getClient().zone()).compareTo(target) > 0).orElse(false);
    }

    public void done() {
        if (Feedback.attempt(() -> conversations.done(access.enter(), ids()), selected.size() + " marked done.")) {
            afterBulk();
        }
    }

    public void assign() {
        String to = bulkAssignee == null ? "nobody" : people.getOrDefault(bulkAssignee, "?");
        if (Feedback.attempt(() -> conversations.assign(access.enter(), ids(), bulkAssignee),
                selected.size() + " assigned to " + to + ".")) {
            afterBulk();
        }
    }

    public void tagSelected() {
        if (Feedback.attempt(() -> conversations.tag(access.enter(), ids(), bulkTag),
                selected.size() + " tagged " + bulkTag + ".")) {
            bulkTag = null;
            afterBulk();
        }
    }

    private List<Long> ids() {
        return selected.stream().map(InboxRow::id).toList();
    }

    private void afterBulk() {
        selected = new ArrayList<>();
        narrow();
    }

    public ClientAccess getAccess() {
        return access;
    }

    public LazyRows<InboxRow> getRows() {
        return rows;
    }

    public long count(String state) {
        return counts.getOrDefault(ConversationState.valueOf(state), 0L);
    }

    public String getCurrentState() {
        return search.state() == null ? "ALL" : search.state().name();
    }

    public Map<Long, String> getChannelLabels() {
        return channelLabels;
    }

    public Map<Long, String> getPeople() {
        return people;
    }

    public InteractionKind[] getKinds() {
        return java.util.Arrays.stream(InteractionKind.values()).filter(InteractionKind::isConversational)
                .toArray(InteractionKind[]::new);
    }

    public Priority[] getPriorities() {
        return Priority.values();
    }

    public boolean isMayWork() {
        return mayWork;
    }

    /** Whether the person may read this inbox (the page answered "not found" otherwise). */
    public boolean isReadable() {
        return readable;
    }

    /** The client's channels with an inbox, when each was read and what went wrong. */
    public List<InboxChannels.Watched> getWatched() {
        return watched;
    }

    public String getStateParam() {
        return stateParam;
    }

    public void setStateParam(String stateParam) {
        this.stateParam = stateParam;
    }

    public String getWords() {
        return words;
    }

    public void setWords(String words) {
        this.words = words;
    }

    public Long getChannel() {
        return channel;
    }

    public void setChannel(Long channel) {
        this.channel = channel;
    }

    public InteractionKind getKind() {
        return kind;
    }

    public void setKind(InteractionKind kind) {
        this.kind = kind;
    }

    public String getAssigneeParam() {
        return assigneeParam;
    }

    public void setAssigneeParam(String assigneeParam) {
        this.assigneeParam = assigneeParam;
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag;
    }

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public boolean isOwnPost() {
        return ownPost;
    }

    public void setOwnPost(boolean ownPost) {
        this.ownPost = ownPost;
    }

    public List<InboxRow> getSelected() {
        return selected;
    }

    public void setSelected(List<InboxRow> selected) {
        this.selected = selected == null ? new ArrayList<>() : selected;
    }

    public Long getBulkAssignee() {
        return bulkAssignee;
    }

    public void setBulkAssignee(Long bulkAssignee) {
        this.bulkAssignee = bulkAssignee;
    }

    public String getBulkTag() {
        return bulkTag;
    }

    public void setBulkTag(String bulkTag) {
        this.bulkTag = bulkTag;
    }

    /** The inbox's mark when this view last read the list. */
    public String getSeen() {
        return seen;
    }
}
