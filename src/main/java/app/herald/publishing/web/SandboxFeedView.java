package app.herald.publishing.web;

import app.herald.content.application.Channels;
import app.herald.content.domain.Channel;
import app.herald.content.domain.Network;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.web.Pages;
import app.herald.publishing.application.SandboxFeed;
import app.herald.kernel.web.Feedback;
import app.herald.publishing.domain.InteractionKind;
import app.herald.publishing.domain.Metric;
import app.herald.publishing.domain.SandboxCrowd;
import app.herald.publishing.domain.SandboxIncoming;
import app.herald.publishing.domain.SandboxPost;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The Sandbox network's feed of one channel (/client/sandbox.xhtml?client=ID&channel=ID): what Herald published
 * there (posts with their generated engagement, and answers), what its audience said, and a way to speak as the
 * audience. Labelled as a demo everywhere it shows.
 */
@Named
@ViewScoped
public class SandboxFeedView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 100;
    private static final int HEARD = 30;

    @Inject
    ClientAccess access;
    @Inject
    Channels channels;
    @Inject
    SandboxFeed feed;

    private String channelParam;
    private Channel channel;
    private List<FeedItem> items;
    private List<SandboxIncoming> heard = List.of();
    private String person;
    private InteractionKind kind = InteractionKind.COMMENT;
    private String to;
    private String words;

    /** A post of the feed with its numbers at the time the page was opened; an answer says what it answers. */
    public record FeedItem(long id, String text, String postedAt, Map<Metric, Long> numbers, String answers)
            implements Serializable {
        public String getAnswers() {
            return answers;
        }

        public long getId() {
            return id;
        }

        public String getText() {
            return text;
        }

        public String getPostedAt() {
            return postedAt;
        }

        public long get(String metric) {
            return numbers.getOrDefault(Metric.valueOf(metric), 0L);
        }
    }

    public void open() {
        if (!access.open()) {
            return;
        }
        try {
            channel = channels.find(Pages.id(channelParam).orElseThrow(() -> new AccessDenied("No channel id")));
            if (channel.getNetwork() != Network.SANDBOX) {
                throw new AccessDenied("Channel " + channel.getId() + " is not a Sandbox channel");
            }
        } catch (AccessDenied | RuleViolation e) {
            Pages.notFound();
            return;
        }
        load();
    }

    private void load() {
        Instant now = Instant.now();
        items = feed.feed(channel.getId(), SHOWN).stream()
                .map((SandboxPost p) -> new FeedItem(p.getId(), p.getText(), access.local(p.getPostedAt()),
                        p.getInReplyTo().isPresent() ? Map.of() : p.engagementAt(now), p.getInReplyTo().map(this::who)
                        .orElse(null))).toList();
        heard = feed.recentlyHeard(channel.getId(), HEARD);
    }

    private String who(String itemId) {
        return feed.incoming(itemId).flatMap(i -> SandboxCrowd.member(i.getPerson())).map(SandboxCrowd.Member::name)
                .orElse("a post");
    }

    /**
     * A person plays the audience: someone of the cast writes to the channel (for demos and for trying the inbox);
     * the inbox reads it at once.
     */
    public void say() {
        if (Feedback.attempt(() -> feed.say(access.enter(), channel.getId(), person, kind, words, to),
                "Said. The inbox reads it in a moment.")) {
            words = null;
        }
        load();
    }

    public List<SandboxCrowd.Member> getCast() {
        return SandboxCrowd.CAST;
    }

    public InteractionKind[] getKinds() {
        return new InteractionKind[] {InteractionKind.COMMENT, InteractionKind.REPLY, InteractionKind.MENTION,
            InteractionKind.QUOTE, InteractionKind.MESSAGE};
    }

    public List<SandboxIncoming> getHeard() {
        return heard;
    }

    public String name(String personKey) {
        return SandboxCrowd.member(personKey).map(SandboxCrowd.Member::name).orElse(personKey);
    }

    public String getPerson() {
        return person;
    }

    public void setPerson(String person) {
        this.person = person;
    }

    public InteractionKind getKind() {
        return kind;
    }

    public void setKind(InteractionKind kind) {
        this.kind = kind;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getWords() {
        return words;
    }

    public void setWords(String words) {
        this.words = words;
    }

    public ClientAccess getAccess() {
        return access;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getChannelParam() {
        return channelParam;
    }

    public void setChannelParam(String channelParam) {
        this.channelParam = channelParam;
    }

    public List<FeedItem> getItems() {
        return items;
    }
}
