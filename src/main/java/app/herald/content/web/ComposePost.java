package app.herald.content.web;

import app.herald.kernel.WallClock;
import app.herald.content.application.Campaigns;
import app.herald.content.application.Channels;
import app.herald.content.application.Drafts;
import app.herald.content.application.MediaLibrary;
import app.herald.content.application.PostingQueue;
import app.herald.content.application.Snippets;
import app.herald.content.application.Posts;
import app.herald.content.domain.Campaign;
import app.herald.content.domain.Channel;
import app.herald.content.domain.MediaFile;
import app.herald.content.domain.MediaRules;
import app.herald.content.domain.Post;
import app.herald.content.domain.PreviewText;
import app.herald.content.domain.Snippet;
import app.herald.content.domain.TextCheck;
import app.herald.content.domain.TextRules;
import app.herald.content.domain.Variant;
import app.herald.identity.domain.Actor;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.Pages;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The composer (/client/compose.xhtml?client=ID[&post=ID]): one post, a variant per chosen channel copied from the
 * base text and then edited, each with a live count done by the same {@link TextRules} the server enforces on submit.
 */
@Named
@ViewScoped
public class ComposePost implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAccess access;
    @Inject
    Channels channels;
    @Inject
    Posts posts;
    @Inject
    PostingQueue queue;
    @Inject
    Drafts drafts;
    @Inject
    MediaLibrary media;
    @Inject
    Campaigns campaigns;
    @Inject
    Snippets snippets;

    private String postParam;
    private Long postId;
    private List<Channel> available;
    private String title;
    private String baseText = "";
    private List<Long> chosen = new ArrayList<>();
    private final Map<Long, String> texts = new LinkedHashMap<>();
    private final Map<Long, String> firstComments = new LinkedHashMap<>();
    private final Map<Long, List<Long>> mediaChoice = new LinkedHashMap<>();
    private List<MediaFile> library = List.of();
    private LocalDateTime when;
    private Long campaignId;
    private List<String> tags = new ArrayList<>();
    private List<Campaign> campaignList = List.of();
    private List<Snippet> snippetList = List.of();
    private Long snippetToInsert;
    private String state = "New";

    public void open() {
        if (!access.open()) {
            return;
        }
        if (!access.enter().writesContent()) {
            Pages.notFound();
            return;
        }
        available = channels.all();
        library = media.all();
        campaignList = campaigns.all();
        snippetList = snippets.forPosts();
        if (postParam == null || postParam.isBlank()) {
            return;
        }
        Post post = Pages.id(postParam).map(id -> {
            try {
                return posts.find(id);
            } catch (app.herald.kernel.AccessDenied e) {
                return null;
            }
        }).orElse(null);
        if (post == null) {
            Pages.notFound();
            return;
        }
        postId = post.getId();
        title = post.getTitle();
        baseText = post.getBaseText();
        state = post.getState().label();
        when = post.getScheduledAt().map(at -> LocalDateTime.ofInstant(at, access.getClient().zone())).orElse(null);
        campaignId = post.getCampaignId().orElse(null);
        tags = new ArrayList<>(post.getTags());
        for (Variant variant : posts.variants(postId)) {
            chosen.add(variant.getChannelId());
            texts.put(variant.getChannelId(), variant.getText());
            firstComments.put(variant.getChannelId(), variant.getFirstComment());
            mediaChoice.put(variant.getChannelId(), new ArrayList<>(media.mediaOf(variant).stream()
                    .map(MediaFile::getId).toList()));
        }
    }

    /** Newly chosen channels start from the base text; dropped ones lose their variant. */
    public void channelsChanged() {
        texts.keySet().retainAll(chosen);
        mediaChoice.keySet().retainAll(chosen);
        for (Long id : chosen) {
            texts.putIfAbsent(id, baseText);
            mediaChoice.putIfAbsent(id, new ArrayList<>());
        }
    }

    /** Appends a saved snippet or hashtag group to the base text. */
    public void insertSnippet() {
        if (snippetToInsert == null) {
            return;
        }
        Feedback.attempt(() -> {
            access.enter();
            String body = snippets.find(snippetToInsert).getBody();
            baseText = baseText.isBlank() ? body : baseText.stripTrailing() + (baseText.endsWith("\n") ? "" : " ") + body;
        }, null);
        snippetToInsert = null;
    }

    public void copyBaseToAll() {
        chosen.forEach(id -> texts.put(id, baseText));
    }

    /** The live check of a variant: its text as the network counts it, and its media against the network's rules. */
    public TextCheck check(Channel channel) {
        List<MediaFile> attached = mediaChoice.getOrDefault(channel.getId(), List.of()).stream()
                .flatMap(id -> library.stream().filter(m -> m.getId().equals(id))).toList();
        TextCheck text = TextRules.check(channel.getNetwork(), texts.getOrDefault(channel.getId(), ""), attached.size());
        List<String> problems = new ArrayList<>(text.problems());
        problems.addAll(MediaRules.of(channel.getNetwork()).problems(attached));
        return new TextCheck(text.network(), text.length(), text.maxLength(), text.unit(), problems);
    }

    /** The variant as the network will show it: text in runs (links, hashtags, mentions marked), then its media. */
    public List<PreviewText.Segment> preview(Channel channel) {
        return PreviewText.segments(texts.getOrDefault(channel.getId(), ""));
    }

    public List<Long> previewMedia(Channel channel) {
        return mediaChoice.getOrDefault(channel.getId(), List.of()).stream().limit(4).toList();
    }

    public List<Channel> getChosenChannels() {
        return available.stream().filter(c -> chosen.contains(c.getId())).toList();
    }

    public void save() {
        if (persist()) {
            Feedback.info("Saved.");
        }
    }

    public void submit() {
        if (persist() && Feedback.attempt(() -> posts.submit(access.enter(), postId), "Sent for review.")) {
            Pages.redirect("/client/posts.xhtml?client=" + access.getClient().id());
        }
    }

    /** Throws the draft away (never a post that has been reviewed) and returns to the client's posts. */
    public void discard() {
        if (postId != null && Feedback.attempt(() -> drafts.discard(access.enter(), postId), "Draft deleted.")) {
            Pages.redirect("/client/posts.xhtml?client=" + access.getClient().id());
        }
    }

    /** Saves, then puts the post in the next free slot of its channels. */
    public void addToQueue() {
        if (persist() && Feedback.attempt(() -> {
            Instant slot = queue.addToQueue(access.enter(), postId);
            when = LocalDateTime.ofInstant(slot, access.getClient().zone());
        }, null)) {
            Feedback.info("Queued for " + access.local(WallClock.at(when, access.getClient().zone())
                    .toInstant()) + ".");
        }
    }

    private boolean persist() {
        channelsChanged();
        return Feedback.attempt(() -> {
            Actor actor = access.enter();
            if (postId == null) {
                postId = posts.draft(actor, title, baseText, Set.copyOf(chosen)).getId();
            }
            Map<Long, String> comments = new java.util.HashMap<>();
            chosen.forEach(id -> comments.put(id, firstComments.get(id)));
            Post post = posts.save(actor, postId, title, baseText, Map.copyOf(texts), comments);
            posts.attachMedia(actor, postId, Map.copyOf(mediaChoice));
            if (!java.util.Objects.equals(campaignId, post.getCampaignId().orElse(null)) || !tags.equals(post.getTags())) {
                posts.classify(actor, postId, campaignId, tags);
            }
            Instant at = when == null ? null : WallClock.at(when, access.getClient().zone()).toInstant();
            if (!java.util.Objects.equals(at, post.getScheduledAt().orElse(null))) {
                posts.schedule(actor, postId, at);
            }
            state = post.getState().label();
        }, null);
    }

    public ClientAccess getAccess() {
        return access;
    }

    public String getPostParam() {
        return postParam;
    }

    public void setPostParam(String postParam) {
        this.postParam = postParam;
    }

    public Long getPostId() {
        return postId;
    }

    public List<Channel> getAvailable() {
        return available;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getBaseText() {
        return baseText;
    }

    public void setBaseText(String baseText) {
        this.baseText = baseText == null ? "" : baseText;
    }

    public List<Long> getChosen() {
        return chosen;
    }

    public void setChosen(List<Long> chosen) {
        this.chosen = chosen == null ? new ArrayList<>() : new ArrayList<>(chosen);
    }

    public Map<Long, String> getTexts() {
        return texts;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public void setCampaignId(Long campaignId) {
        this.campaignId = campaignId;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags);
    }

    public List<Campaign> getCampaignList() {
        return campaignList;
    }

    public List<Snippet> getSnippetList() {
        return snippetList;
    }

    public Long getSnippetToInsert() {
        return snippetToInsert;
    }

    public void setSnippetToInsert(Long snippetToInsert) {
        this.snippetToInsert = snippetToInsert;
    }

    public Map<Long, String> getFirstComments() {
        return firstComments;
    }

    public Map<Long, List<Long>> getMediaChoice() {
        return mediaChoice;
    }

    public List<MediaFile> getLibrary() {
        return library;
    }

    public LocalDateTime getWhen() {
        return when;
    }

    public void setWhen(LocalDateTime when) {
        this.when = when;
    }

    /** A saved draft offers "Delete draft"; the service still refuses one with a review history. */
    public boolean isDiscardable() {
        return postId != null && app.herald.approval.domain.PostState.DRAFT.label().equals(state);
    }

    public String getState() {
        return state;
    }
}
