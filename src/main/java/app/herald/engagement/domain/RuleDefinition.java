package app.herald.engagement.domain;

import app.herald.content.domain.Network;
import app.herald.publishing.domain.InteractionKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A rule as a person defines it on the rules screen: its conditions (empty ones match everything) and its actions.
 * {@link InboxRule} checks it.
 */
public record RuleDefinition(String name, List<String> phrases, Optional<String> pattern, Set<Network> networks,
                             Set<Long> channels, Set<InteractionKind> kinds, Optional<String> contactTag,
                             boolean vipOnly, Optional<String> language, Optional<String> addTag,
                             Optional<Long> assignTo, Optional<Priority> priority, boolean markDone, boolean hide,
                             Set<Long> notifyPeople, boolean stopHere) {

    public RuleDefinition {
        phrases = phrases == null ? List.of() : phrases.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
        networks = Set.copyOf(networks);
        channels = Set.copyOf(channels);
        kinds = Set.copyOf(kinds);
        notifyPeople = Set.copyOf(notifyPeople);
    }
}
