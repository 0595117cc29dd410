package app.herald.engagement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.content.domain.Network;
import app.herald.kernel.RuleViolation;
import app.herald.publishing.domain.InteractionKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A rule's conditions (all that are set must hold) and its checks when it is saved. */
class InboxRuleTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    /** A rule that only tags, with the given phrases and no other condition. */
    private static RuleDefinition tagging(String name, List<String> phrases) {
        return new RuleDefinition(name, phrases, Optional.empty(), Set.of(), Set.of(), Set.of(), Optional.empty(), false,
                Optional.empty(), Optional.of("flagged"), Optional.empty(), Optional.empty(), false, false, Set.of(),
                false);
    }

    private static RuleDefinition withPattern(String pattern) {
        return new RuleDefinition("Orders", List.of(), Optional.of(pattern), Set.of(), Set.of(), Set.of(),
                Optional.empty(), false, Optional.empty(), Optional.of("orders"), Optional.empty(), Optional.empty(),
                false, false, Set.of(), false);
    }

    private static RuleDefinition onlyFrom(Set<Network> networks, Set<Long> channels, Set<InteractionKind> kinds) {
        return new RuleDefinition("Where", List.of(), Optional.empty(), networks, channels, kinds, Optional.empty(),
                false, Optional.empty(), Optional.of("where"), Optional.empty(), Optional.empty(), false, false,
                Set.of(), false);
    }

    private static RuleDefinition byAuthor(Optional<String> contactTag, boolean vipOnly, Optional<String> language) {
        return new RuleDefinition("Who", List.of(), Optional.empty(), Set.of(), Set.of(), Set.of(), contactTag, vipOnly,
                language, Optional.of("who"), Optional.empty(), Optional.empty(), false, false, Set.of(), false);
    }

    private static RuleDefinition stopping(String name, List<String> phrases, boolean stopHere) {
        return new RuleDefinition(name, phrases, Optional.empty(), Set.of(), Set.of(), Set.of(), Optional.empty(),
                false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true, false, Set.of(),
                stopHere);
    }

    private static InboxRule rule(RuleDefinition definition) {
        return new InboxRule(1, definition, NOW);
    }

    private static RuleSubject comment(String text) {
        return new RuleSubject(text, Network.BLUESKY, 3, InteractionKind.COMMENT, List.of(), false, "en");
    }

    private static RuleSubject item(Network network, long channel, InteractionKind kind) {
        return new RuleSubject("hello", network, channel, kind, List.of(), false, "en");
    }

    private static RuleSubject author(List<String> tags, boolean vip, String language) {
        return new RuleSubject("hello", Network.BLUESKY, 3, InteractionKind.COMMENT, tags, vip, language);
    }

    @Test
    void aNewRuleIsEnabledAtItsPosition() {
        InboxRule rule = new InboxRule(4, tagging("Refunds", List.of("refund")), NOW);

        assertTrue(rule.isEnabled());
        assertEquals(4, rule.getPosition());
        assertEquals("Refunds", rule.getName());
    }

    @Test
    void anyOneOfTheWordsOrPhrasesMatchesInAnyCase() {
        InboxRule rule = rule(tagging("Refunds", List.of("refund", "money back")));

        assertTrue(rule.matches(comment("I want a REFUND now")));
        assertTrue(rule.matches(comment("Give me my Money Back!")));
        assertFalse(rule.matches(comment("Where is my parcel?")));
    }

    @Test
    void wordsMatchOnlyAsWholeWords() {
        InboxRule rule = rule(tagging("Refunds", List.of("refund", "money back")));

        assertFalse(rule.matches(comment("Refunds are slow")));
        assertFalse(rule.matches(comment("prerefund")));
        assertFalse(rule.matches(comment("moneyback")));
        assertFalse(rule.matches(comment("refund2")));
        assertTrue(rule.matches(comment("refund.")));
        assertTrue(rule.matches(comment("(refund)")));
    }

    @Test
    void caseIsIgnoredBeyondAscii() {
        InboxRule rule = rule(tagging("German", List.of("über")));

        assertTrue(rule.matches(comment("ÜBER alles")));
        assertFalse(rule.matches(comment("überall")));
    }

    @Test
    void wordsAreMatchedLiterallyNotAsRegularExpressions() {
        InboxRule rule = rule(tagging("Languages", List.of("c++", "a.b")));

        assertTrue(rule.matches(comment("I code in C++.")));
        assertTrue(rule.matches(comment("see a.b")));
        assertFalse(rule.matches(comment("see axb")));
        assertFalse(rule.matches(comment("c")));
    }

    @Test
    void aRuleWithoutConditionsMatchesEverything() {
        InboxRule rule = rule(tagging("All", List.of()));

        assertTrue(rule.matches(comment("")));
        assertTrue(rule.matches(item(Network.X, 99, InteractionKind.MESSAGE)));
    }

    @Test
    void aRegularExpressionMatchesInAnyCase() {
        InboxRule rule = rule(withPattern("order\\s*#?\\d+"));

        assertTrue(rule.matches(comment("Where is ORDER #4417?")));
        assertFalse(rule.matches(comment("Where is my order?")));
    }

    @Test
    void aRegularExpressionThatBacktracksWithoutEndIsRefused() {
        RuleViolation refused = assertThrows(RuleViolation.class, () -> rule(withPattern("((a+)+)+b")));
        assertTrue(refused.getMessage().contains("takes too long"), refused.getMessage());
        assertThrows(RuleViolation.class, () -> rule(withPattern("order(")));
    }

    @Test
    void aBlankRegularExpressionIsNoCondition() {
        assertTrue(rule(withPattern("   ")).matches(comment("anything")));
    }

    @Test
    void onlyTheChosenNetworksChannelsAndKindsMatch() {
        InboxRule networks = rule(onlyFrom(Set.of(Network.BLUESKY, Network.X), Set.of(), Set.of()));
        assertTrue(networks.matches(item(Network.X, 3, InteractionKind.COMMENT)));
        assertFalse(networks.matches(item(Network.MASTODON, 3, InteractionKind.COMMENT)));

        InboxRule channels = rule(onlyFrom(Set.of(), Set.of(7L, 12L), Set.of()));
        assertTrue(channels.matches(item(Network.X, 12, InteractionKind.COMMENT)));
        assertFalse(channels.matches(item(Network.X, 1, InteractionKind.COMMENT)));

        InboxRule kinds = rule(onlyFrom(Set.of(), Set.of(), Set.of(InteractionKind.MESSAGE, InteractionKind.MENTION)));
        assertTrue(kinds.matches(item(Network.X, 3, InteractionKind.MENTION)));
        assertFalse(kinds.matches(item(Network.X, 3, InteractionKind.COMMENT)));
    }

    @Test
    void everyConditionThatIsSetMustHold() {
        InboxRule rule = rule(new RuleDefinition("Spam on X", List.of("free"), Optional.empty(), Set.of(Network.X),
                Set.of(), Set.of(), Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, true, Set.of(), false));

        assertTrue(rule.matches(new RuleSubject("free coins", Network.X, 3, InteractionKind.REPLY, List.of(), false,
                null)));
        assertFalse(rule.matches(new RuleSubject("free coins", Network.BLUESKY, 3, InteractionKind.REPLY, List.of(),
                false, null)));
        assertFalse(rule.matches(new RuleSubject("paid coins", Network.X, 3, InteractionKind.REPLY, List.of(), false,
                null)));
    }

    @Test
    void theAuthorsTagIsComparedInItsCleanForm() {
        InboxRule rule = rule(byAuthor(Optional.of(" Top Fan "), false, Optional.empty()));

        assertTrue(rule.matches(author(List.of("billing", "top fan"), false, "en")));
        assertFalse(rule.matches(author(List.of("billing"), false, "en")));
    }

    @Test
    void aVipRuleMatchesOnlyVips() {
        InboxRule rule = rule(byAuthor(Optional.empty(), true, Optional.empty()));

        assertTrue(rule.matches(author(List.of(), true, "en")));
        assertFalse(rule.matches(author(List.of(), false, "en")));
    }

    @Test
    void aLanguageMatchesItsRegionalVariantsAndNeedsALanguageOnTheItem() {
        InboxRule portuguese = rule(byAuthor(Optional.empty(), false, Optional.of("PT")));

        assertTrue(portuguese.matches(author(List.of(), false, "pt")));
        assertTrue(portuguese.matches(author(List.of(), false, "pt-BR")));
        assertFalse(portuguese.matches(author(List.of(), false, "en")));
        assertFalse(portuguese.matches(author(List.of(), false, null)));

        InboxRule brazilian = rule(byAuthor(Optional.empty(), false, Optional.of("pt-br")));
        assertTrue(brazilian.matches(author(List.of(), false, "PT-BR")));
        assertFalse(brazilian.matches(author(List.of(), false, "pt-PT")));
    }

    @Test
    void aDisabledRuleMatchesNothing() {
        InboxRule rule = rule(tagging("All", List.of()));
        rule.enable(false);

        assertFalse(rule.isEnabled());
        assertFalse(rule.matches(comment("anything")));

        rule.enable(true);
        assertTrue(rule.matches(comment("anything")));
    }

    @Test
    void aRuleMustDoSomething() {
        RuleDefinition idle = new RuleDefinition("Idle", List.of("refund"), Optional.empty(), Set.of(), Set.of(),
                Set.of(), Optional.empty(), false, Optional.empty(), Optional.of("  "), Optional.empty(),
                Optional.empty(), false, false, Set.of(), true);

        RuleViolation refused = assertThrows(RuleViolation.class, () -> rule(idle));
        assertTrue(refused.getMessage().startsWith("A rule must do something"), refused.getMessage());
    }

    @Test
    void eachActionAloneIsEnough() {
        List<RuleDefinition> actions = List.of(
                new RuleDefinition("Tag", List.of(), Optional.empty(), Set.of(), Set.of(), Set.of(), Optional.empty(),
                        false, Optional.empty(), Optional.of("x"), Optional.empty(), Optional.empty(), false, false,
                        Set.of(), false),
                new RuleDefinition("Assign", List.of(), Optional.empty(), Set.of(), Set.of(), Set.of(),
                        Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.of(9L), Optional.empty(),
                        false, false, Set.of(), false),
                new RuleDefinition("Prioritise", List.of(), Optional.empty(), Set.of(), Set.of(), Set.of(),
                        Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.of(Priority.HIGH), false, false, Set.of(), false),
                new RuleDefinition("Close", List.of(), Optional.empty(), Set.of(), Set.of(), Set.of(),
                        Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        true, false, Set.of(), false),
                new RuleDefinition("Hide", List.of(), Optional.empty(), Set.of(), Set.of(), Set.of(),
                        Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        false, true, Set.of(), false),
                new RuleDefinition("Tell", List.of(), Optional.empty(), Set.of(), Set.of(), Set.of(),
                        Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        false, false, Set.of(4L), false));

        assertEquals(List.of("Tag", "Assign", "Prioritise", "Close", "Hide", "Tell"),
                actions.stream().map(d -> rule(d).getName()).toList());
    }

    @Test
    void badNamesLanguagesTagsAndTooManyWordsAreRefused() {
        assertThrows(RuleViolation.class, () -> rule(tagging("  ", List.of())));
        assertThrows(RuleViolation.class, () -> rule(tagging("x".repeat(81), List.of())));
        assertThrows(RuleViolation.class, () -> rule(byAuthor(Optional.empty(), false, Optional.of("english"))));
        assertThrows(RuleViolation.class, () -> rule(byAuthor(Optional.empty(), false, Optional.of("e"))));
        assertThrows(RuleViolation.class, () -> rule(byAuthor(Optional.of("a,b"), false, Optional.empty())));
        RuleViolation tooMany = assertThrows(RuleViolation.class,
                () -> rule(tagging("Long", List.of("w".repeat(600), "v".repeat(600)))));
        assertTrue(tooMany.getMessage().contains("1,000"), tooMany.getMessage());
        assertEquals("x".repeat(80), rule(tagging("x".repeat(80), List.of())).getName());
    }

    @Test
    void aRefusedDefinitionLeavesTheRuleAsItWas() {
        InboxRule rule = rule(tagging("Refunds", List.of("refund")));
        RuleDefinition broken = new RuleDefinition("Spam", List.of("spam"), Optional.empty(), Set.of(), Set.of(),
                Set.of(), Optional.empty(), false, Optional.of("english"), Optional.empty(), Optional.empty(),
                Optional.empty(), false, true, Set.of(), false);

        assertThrows(RuleViolation.class, () -> rule.define(broken));

        assertEquals("Refunds", rule.getName());
        assertEquals(List.of("refund"), rule.definition().phrases());
        assertTrue(rule.matches(comment("refund please")));
        assertFalse(rule.matches(comment("spam")));
    }

    @Test
    void aNewDefinitionReplacesTheWordsItLooksFor() {
        InboxRule rule = rule(tagging("Refunds", List.of("refund")));
        assertTrue(rule.matches(comment("refund please")));

        rule.define(tagging("Spam", List.of("spam")));

        assertFalse(rule.matches(comment("refund please")));
        assertTrue(rule.matches(comment("this is spam")));
        assertEquals("Spam", rule.getName());
    }

    @Test
    void theDefinitionReadsBackInItsCleanForm() {
        RuleDefinition typed = new RuleDefinition(" Escalate ", List.of(" refund ", "", "money back"),
                Optional.of(" order\\s*\\d+ "), Set.of(Network.X, Network.BLUESKY), Set.of(12L, 7L),
                Set.of(InteractionKind.MESSAGE), Optional.of(" Top Fan "), true, Optional.of(" PT-BR "),
                Optional.of(" Urgent Case "), Optional.of(9L), Optional.of(Priority.URGENT), true, true,
                Set.of(5L, 4L), true);

        InboxRule rule = rule(typed);

        assertEquals(new RuleDefinition("Escalate", List.of("refund", "money back"), Optional.of("order\\s*\\d+"),
                Set.of(Network.X, Network.BLUESKY), Set.of(7L, 12L), Set.of(InteractionKind.MESSAGE),
                Optional.of("top fan"), true, Optional.of("pt-br"), Optional.of("urgent case"), Optional.of(9L),
                Optional.of(Priority.URGENT), true, true, Set.of(4L, 5L), true), rule.definition());
        assertEquals(Optional.of("urgent case"), rule.getAddTag());
        assertEquals(Optional.of(9L), rule.getAssignTo());
        assertEquals(Optional.of(Priority.URGENT), rule.getSetPriority());
        assertTrue(rule.isMarkDone());
        assertTrue(rule.isHide());
        assertEquals(Set.of(4L, 5L), rule.getNotify());
        assertTrue(rule.isStopHere());
    }

    @Test
    void anEmptyDefinitionReadsBackEmpty() {
        InboxRule rule = rule(tagging("All", List.of()));

        assertEquals(tagging("All", List.of()), rule.definition());
        assertEquals(Optional.empty(), rule.getAssignTo());
        assertEquals(Optional.empty(), rule.getSetPriority());
        assertEquals(Set.of(), rule.getNotify());
        assertFalse(rule.isStopHere());
    }

    @Test
    void everyMatchingRuleActsInOrderUntilOneThatStops() {
        InboxRule refunds = rule(stopping("Refunds", List.of("refund"), false));
        InboxRule spam = rule(stopping("Spam", List.of("spam"), false));
        InboxRule urgent = rule(stopping("Urgent", List.of("now"), true));
        InboxRule all = rule(stopping("All", List.of(), false));
        List<InboxRule> rules = List.of(refunds, spam, urgent, all);

        assertEquals(List.of(refunds, urgent), InboxRule.acting(rules, comment("refund now")));
        assertEquals(List.of(refunds, all), InboxRule.acting(rules, comment("refund later")));
        assertEquals(List.of(all), InboxRule.acting(rules, comment("hello")));
    }

    @Test
    void aDisabledRuleNeitherActsNorStops() {
        InboxRule stop = rule(stopping("Stop", List.of(), true));
        InboxRule all = rule(stopping("All", List.of(), false));
        stop.enable(false);

        assertEquals(List.of(all), InboxRule.acting(List.of(stop, all), comment("hello")));
    }

    @Test
    void aRuleCanMove() {
        InboxRule rule = rule(tagging("All", List.of()));
        rule.moveTo(9);

        assertEquals(9, rule.getPosition());
    }
}
