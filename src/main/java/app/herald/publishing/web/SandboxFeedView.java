package app.herald.publishing.web;

import app.herald.content.application.Channels;
import app.herald.content.domain.Channel;
import app.herald.content.domain.Network;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.web.Pages;
import app.herald.publishing.application.SandboxFeed;
import app.herald.publishing.domain.Metric;
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
 * there, with the generated engagement so far. Labelled as a demo everywhere it shows.
 */
@Named
@ViewScoped
public class SandboxFeedView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 100;

    @Inject
    ClientAccess access;
    @Inject
    Channels channels;
    @Inject
    SandboxFeed feed;

    private String channelParam;
    private Channel channel;
    private List<FeedItem> items;

    /** A post of the feed with its numbers at the time the page was opened. */
    public record FeedItem(long id, String text, String postedAt, Map<Metric, Long> numbers) implements Serializable {
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
        Instant now = Instant.now();
        items = feed.feed(channel.getId(), SHOWN).stream()
                .map((SandboxPost p) -> new FeedItem(p.getId(), p.getText(), access.local(p.getPostedAt()),
                        p.engagementAt(now))).toList();
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
