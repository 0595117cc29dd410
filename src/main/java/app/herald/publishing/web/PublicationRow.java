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
