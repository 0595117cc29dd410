package app.herald.engagement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.herald.content.domain.Network;
import app.herald.publishing.domain.InteractionKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A rule as typed: phrases cleaned of blanks, and its sets its own. */
class RuleDefinitionTest {

    private static RuleDefinition typed(List<String> phrases, Set<Network> networks, Set<Long> channels,
                                        Set<InteractionKind> kinds, Set<Long> notify) {
        return new RuleDefinition("Rule", phrases, Optional.empty(), networks, channels, kinds, Optional.empty(), false,
                Optional.empty(), Optional.of("tag"), Optional.empty(), Optional.empty(), false, false, notify, false);
    }

    @Test
    void phrasesAreStrippedAndBlankOnesDropped() {
        RuleDefinition d = typed(List.of("  refund ", "", "   ", "money back"), Set.of(), Set.of(), Set.of(),
                Set.of());

        assertEquals(List.of("refund", "money back"), d.phrases());
    }

    @Test
    void noPhrasesIsAnEmptyList() {
        assertEquals(List.of(), typed(null, Set.of(), Set.of(), Set.of(), Set.of()).phrases());
    }

    @Test
    void theSetsAreCopiesThatCannotChange() {
        Set<Network> networks = new HashSet<>(Set.of(Network.X));
        Set<Long> channels = new HashSet<>(Set.of(3L));
        Set<InteractionKind> kinds = new HashSet<>(Set.of(InteractionKind.MESSAGE));
        Set<Long> notify = new HashSet<>(Set.of(9L));
        List<String> phrases = new ArrayList<>(List.of("refund"));

        RuleDefinition d = typed(phrases, networks, channels, kinds, notify);
        networks.add(Network.BLUESKY);
        channels.add(4L);
        kinds.add(InteractionKind.COMMENT);
        notify.add(10L);
        phrases.add("spam");

        assertEquals(Set.of(Network.X), d.networks());
        assertEquals(Set.of(3L), d.channels());
        assertEquals(Set.of(InteractionKind.MESSAGE), d.kinds());
        assertEquals(Set.of(9L), d.notifyPeople());
        assertEquals(List.of("refund"), d.phrases());
        assertThrows(UnsupportedOperationException.class, () -> d.channels().add(5L));
        assertThrows(UnsupportedOperationException.class, () -> d.phrases().add("x"));
    }
}
