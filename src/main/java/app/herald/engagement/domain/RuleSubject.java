package app.herald.engagement.domain;

import app.herald.content.domain.Network;
import app.herald.publishing.domain.InteractionKind;
import java.util.List;

/** What a rule looks at in one incoming item: its words, where it came from, what kind it is and who wrote it. */
public record RuleSubject(String text, Network network, long channelId, InteractionKind kind, List<String> authorTags,
                          boolean authorVip, String language) {

    public RuleSubject {
        text = text == null ? "" : text;
        authorTags = List.copyOf(authorTags);
    }
}
