package app.herald.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.tenancy.domain.SchemaName;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SchemaNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"herald_t_x; DROP DATABASE herald", "herald_t_x`", "HERALD_T_ABC", "herald_t_", "herald",
            "information_schema", "herald_t_ab-c", "herald_t_abc\n", " herald_t_abc", "herald_t_é",
            "herald_t_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void refusesAnythingOutsideThePattern(String candidate) {
        assertThrows(SchemaName.InvalidSchemaName.class, () -> new SchemaName(candidate));
    }

    @Test
    void refusesNull() {
        assertThrows(SchemaName.InvalidSchemaName.class, () -> new SchemaName(null));
    }

    @Test
    void acceptsTheLongestAllowedName() {
        String name = "herald_t_" + "a".repeat(40);
        assertEquals(name, new SchemaName(name).value());
    }

    @Test
    void issuedNamesMatchThePatternAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            SchemaName issued = SchemaName.issue();
            assertTrue(SchemaName.PATTERN.matcher(issued.value()).matches(), issued.value());
            assertTrue(seen.add(issued.value()), "repeated " + issued);
        }
        assertNotEquals(SchemaName.issue(), SchemaName.issue());
    }

    @Test
    void theRefusalDoesNotEchoControlCharacters() {
        SchemaName.InvalidSchemaName refused = assertThrows(SchemaName.InvalidSchemaName.class,
                () -> new SchemaName("herald_t_a\u0000\r\nInjected: log line"));
        assertTrue(refused.getMessage().contains("herald_t_a???Injected"), refused.getMessage());
    }
}
