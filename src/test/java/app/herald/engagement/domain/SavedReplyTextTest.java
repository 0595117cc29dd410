package app.herald.engagement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A saved reply's variables filled for the person answered; unknown ones are left for the writer to see. */
class SavedReplyTextTest {

    private static final Map<String, String> ANA = Map.of(
            SavedReplyText.FIRST_NAME, "Ana",
            SavedReplyText.NAME, "Ana Silva",
            SavedReplyText.HANDLE, "@ana.bsky.social",
            SavedReplyText.POST_LINK, "https://bsky.app/profile/acme/post/3k");

    @Test
    void everyKnownVariableIsFilled() {
        assertEquals("Hi Ana (Ana Silva, @ana.bsky.social), see https://bsky.app/profile/acme/post/3k",
                SavedReplyText.fill("Hi {first_name} ({name}, {handle}), see {post_link}", ANA));
    }

    @Test
    void aVariableMayComeTwice() {
        assertEquals("Ana, yes Ana!", SavedReplyText.fill("{first_name}, yes {first_name}!", ANA));
    }

    @Test
    void aVariableWithNothingToFillBecomesEmpty() {
        Map<String, String> noPost = new HashMap<>(ANA);
        noPost.put(SavedReplyText.POST_LINK, null);

        assertEquals("Thanks Ana! ", SavedReplyText.fill("Thanks {first_name}! {post_link}", noPost));
        assertEquals("Hi !", SavedReplyText.fill("Hi {first_name}!", Map.of(SavedReplyText.FIRST_NAME, "")));
    }

    @Test
    void anUnknownVariableStaysAsTyped() {
        assertEquals("Your order {order_id} ships today, Ana.",
                SavedReplyText.fill("Your order {order_id} ships today, {first_name}.", ANA));
    }

    @Test
    void bracesThatAreNoVariableStayAsTyped() {
        assertEquals("{First_Name} { name } {} {name2} Ana",
                SavedReplyText.fill("{First_Name} { name } {} {name2} {first_name}", ANA));
    }

    @Test
    void valuesAreInsertedLiterally() {
        assertEquals("Save $5 \\ today, {name}!",
                SavedReplyText.fill("Save {first_name} today, {handle}!",
                        Map.of(SavedReplyText.FIRST_NAME, "$5 \\", SavedReplyText.HANDLE, "{name}",
                                SavedReplyText.NAME, "Ana Silva")));
    }

    @Test
    void aTextWithoutVariablesIsUnchanged() {
        assertEquals("Thank you!", SavedReplyText.fill("Thank you!", ANA));
        assertEquals("", SavedReplyText.fill("", ANA));
    }

    @Test
    void theFirstNameIsTheFirstWordOfTheDisplayName() {
        assertEquals("Ana", SavedReplyText.firstName("Ana Maria Silva"));
        assertEquals("Ana", SavedReplyText.firstName("  Ana  Silva "));
        assertEquals("Cher", SavedReplyText.firstName("Cher"));
    }

    @Test
    void aHandleOrNothingGivesNoFirstName() {
        assertEquals("", SavedReplyText.firstName("@ana.bsky.social"));
        assertEquals("", SavedReplyText.firstName(null));
        assertEquals("", SavedReplyText.firstName("   "));
    }
}
