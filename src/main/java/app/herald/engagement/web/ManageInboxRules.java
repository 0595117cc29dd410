package app.herald.engagement.web;

import app.herald.content.application.Channels;
import app.herald.content.domain.Network;
import app.herald.engagement.application.Conversations;
import app.herald.engagement.application.InboxRules;
import app.herald.engagement.domain.InboxRule;
import app.herald.engagement.domain.Priority;
import app.herald.engagement.domain.RuleDefinition;
import app.herald.identity.application.Actors;
import app.herald.kernel.web.Feedback;
import app.herald.publishing.domain.InteractionKind;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client's inbox rules, beside its inbox settings: the rules in the order they act, switched on and off, moved,
 * removed; one written (or changed) with its conditions and actions, and tried on the last 30 days before saving.
 */
@Named
@ViewScoped
public class ManageInboxRules implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ChangeInboxSettings page;
    @Inject
    InboxRules rules;
    @Inject
    Channels channels;
    @Inject
    Conversations conversations;
    @Inject
    Actors actors;

    private List<InboxRule> list = List.of();
    private Map<Long, String> people = Map.of();
    private Map<Long, String> channelLabels = Map.of();
    private Long editing;
    private String name;
    private String phrases;
    private String pattern;
    private List<Network> networks = new ArrayList<>();
    private List<Long> channelIds = new ArrayList<>();
    private List<InteractionKind> kinds = new ArrayList<>();
    private String contactTag;
    private boolean vipOnly;
    private String language;
    private String addTag;
    private Long assignTo;
    private Priority priority;
    private boolean markDone;
    private boolean hide;
    private List<Long> notify = new ArrayList<>();
    private boolean stopHere;
    private InboxRules.Preview preview;

    public void load() {
        if (page.getReplyApproval() == null) {
            return;
        }
        list = rules.all();
        people = new LinkedHashMap<>();
        conversations.assignable().forEach(id -> people.put(id, actors.nameOf(id)));
        channelLabels = new LinkedHashMap<>();
        channels.all().forEach(c -> channelLabels.put(c.getId(), c.label()));
    }

    private RuleDefinition definition() {
        return new RuleDefinition(name, phrases == null ? List.of() : Arrays.asList(phrases.split("[\\n,]")),
                Optional.ofNullable(pattern), new HashSet<>(networks), new HashSet<>(channelIds), new HashSet<>(kinds),
                Optional.ofNullable(contactTag), vipOnly, Optional.ofNullable(language), Optional.ofNullable(addTag),
                Optional.ofNullable(assignTo), Optional.ofNullable(priority), markDone, hide, new HashSet<>(notify),
                stopHere);
    }

    public void tryIt() {
        Feedback.attempt(() -> preview = rules.preview(page.getAccess().enter(), definition()), null);
    }

    public void save() {
        boolean saved = Feedback.attempt(() -> {
            if (editing == null) {
                rules.add(page.getAccess().enter(), definition());
            } else {
                rules.change(page.getAccess().enter(), editing, definition());
            }
        }, "Rule saved.");
        if (saved) {
            clear();
        }
        load();
    }

    public void edit(InboxRule rule) {
        RuleDefinition d = rule.definition();
        editing = rule.getId();
        name = d.name();
        phrases = String.join("\n", d.phrases());
        pattern = d.pattern().orElse(null);
        networks = new ArrayList<>(d.networks());
        channelIds = new ArrayList<>(d.channels());
        kinds = new ArrayList<>(d.kinds());
        contactTag = d.contactTag().orElse(null);
        vipOnly = d.vipOnly();
        language = d.language().orElse(null);
        addTag = d.addTag().orElse(null);
        assignTo = d.assignTo().orElse(null);
        priority = d.priority().orElse(null);
        markDone = d.markDone();
        hide = d.hide();
        notify = new ArrayList<>(d.notifyPeople());
        stopHere = d.stopHere();
        preview = null;
    }

    public void clear() {
        editing = null;
        name = null;
        phrases = null;
        pattern = null;
        networks = new ArrayList<>();
        channelIds = new ArrayList<>();
        kinds = new ArrayList<>();
        contactTag = null;
        vipOnly = false;
        language = null;
        addTag = null;
        assignTo = null;
        priority = null;
        markDone = false;
        hide = false;
        notify = new ArrayList<>();
        stopHere = false;
        preview = null;
    }

    public void enable(InboxRule rule, boolean enabled) {
        Feedback.attempt(() -> rules.enable(page.getAccess().enter(), rule.getId(), enabled), null);
        load();
    }

    public void move(InboxRule rule, boolean up) {
        Feedback.attempt(() -> rules.move(page.getAccess().enter(), rule.getId(), up), null);
        load();
    }

    public void remove(InboxRule rule) {
        Feedback.attempt(() -> rules.remove(page.getAccess().enter(), rule.getId()), "Rule removed.");
        load();
    }

    /** What a rule does, in a few words, for the list. */
    public String summary(InboxRule rule) {
        RuleDefinition d = rule.definition();
        List<String> does = new ArrayList<>();
        d.addTag().ifPresent(t -> does.add("tag " + t));
        d.assignTo().ifPresent(id -> does.add("assign to " + people.getOrDefault(id, "?")));
        d.priority().ifPresent(p -> does.add("priority " + p.label().toLowerCase(java.util.Locale.ROOT)));
        if (d.markDone()) {
            does.add("mark done");
        }
        if (d.hide()) {
            does.add("hide");
        }
        if (!d.notifyPeople().isEmpty()) {
            does.add("tell " + d.notifyPeople().size());
        }
        String when = d.phrases().isEmpty() ? "" : "words: " + String.join(", ", d.phrases()) + "; ";
        return when + d.pattern().map(p -> "pattern " + p + "; ").orElse("") + String.join(", ", does)
                + (d.stopHere() ? "; then stop" : "");
    }

    public List<InboxRule> getList() {
        return list;
    }

    public Map<Long, String> getPeople() {
        return people;
    }

    public Map<Long, String> getChannelLabels() {
        return channelLabels;
    }

    public Network[] getAllNetworks() {
        return Network.values();
    }

    public InteractionKind[] getAllKinds() {
        return Arrays.stream(InteractionKind.values()).filter(InteractionKind::isConversational)
                .toArray(InteractionKind[]::new);
    }

    public Priority[] getPriorities() {
        return Priority.values();
    }

    public InboxRules.Preview getPreview() {
        return preview;
    }

    public Long getEditing() {
        return editing;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPhrases() {
        return phrases;
    }

    public void setPhrases(String phrases) {
        this.phrases = phrases;
    }

    public String getPattern() {
        return pattern;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public List<Network> getNetworks() {
        return networks;
    }

    public void setNetworks(List<Network> networks) {
        this.networks = networks == null ? new ArrayList<>() : networks;
    }

    public List<Long> getChannelIds() {
        return channelIds;
    }

    public void setChannelIds(List<Long> channelIds) {
        this.channelIds = channelIds == null ? new ArrayList<>() : channelIds;
    }

    public List<InteractionKind> getKinds() {
        return kinds;
    }

    public void setKinds(List<InteractionKind> kinds) {
        this.kinds = kinds == null ? new ArrayList<>() : kinds;
    }

    public String getContactTag() {
        return contactTag;
    }

    public void setContactTag(String contactTag) {
        this.contactTag = contactTag;
    }

    public boolean isVipOnly() {
        return vipOnly;
    }

    public void setVipOnly(boolean vipOnly) {
        this.vipOnly = vipOnly;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getAddTag() {
        return addTag;
    }

    public void setAddTag(String addTag) {
        this.addTag = addTag;
    }

    public Long getAssignTo() {
        return assignTo;
    }

    public void setAssignTo(Long assignTo) {
        this.assignTo = assignTo;
    }

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public boolean isMarkDone() {
        return markDone;
    }

    public void setMarkDone(boolean markDone) {
        this.markDone = markDone;
    }

    public boolean isHide() {
        return hide;
    }

    public void setHide(boolean hide) {
        this.hide = hide;
    }

    public List<Long> getNotify() {
        return notify;
    }

    public void setNotify(List<Long> notify) {
        this.notify = notify == null ? new ArrayList<>() : notify;
    }

    public boolean isStopHere() {
        return stopHere;
    }

    public void setStopHere(boolean stopHere) {
        this.stopHere = stopHere;
    }
}
