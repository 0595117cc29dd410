package app.herald.publishing.web;

import app.herald.content.domain.Channel;
import app.herald.publishing.domain.Publication;
import app.herald.tenancy.web.ClientAccess;
import java.io.Serializable;

/** One publication as a screen shows it: its channel, its state, and its times in the client's zone. */
public record PublicationRow(Publication publication, String channel, String due, String next, String published)
        implements Serializable {

    static PublicationRow of(Publication p, Channel channel, ClientAccess access) {
        return new PublicationRow(p, channel.label(), access.local(p.getDueAt()),
                p.getNextAttemptAt().map(access::local).orElse(""), p.getPublishedAt().map(access::local).orElse(""));
    }

    // Faces EL (5.0) reads bean getters, not record accessors.
    public Publication getPublication() {
        return publication;
    }

    public String getChannel() {
        return channel;
    }

    public String getDue() {
        return due;
    }

    public String getNext() {
        return next;
    }

    public String getPublished() {
        return published;
    }

    /** Where to see the post: the network's address, or a Sandbox path inside Herald under the given context path. */
    public String link(String contextPath) {
        String url = publication.getNetworkUrl();
        return url != null && url.startsWith("/") ? contextPath + url : url;
    }

    public long getId() {
        return publication.getId();
    }

    public String getStateName() {
        return publication.getState().name();
    }

    public String getStateLabel() {
        return publication.getState().label();
    }
}
