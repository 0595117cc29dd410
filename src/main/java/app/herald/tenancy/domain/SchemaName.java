package app.herald.tenancy.domain;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The name of a tenant's database schema. It is the only identifier Herald ever splices into DDL, so every instance is
 * checked against a strict pattern when it is made: no instance can hold anything else.
 */
public record SchemaName(String value) implements java.io.Serializable {

    public static final Pattern PATTERN = Pattern.compile("^herald_t_[a-z0-9_]{1,40}$");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public SchemaName {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new InvalidSchemaName(value);
        }
    }

    /**
     * A new server-issued name. Random rather than derived from the registry's sequence so that installations (and test
     * runs) sharing one MySQL server never collide.
     */
    public static SchemaName issue() {
        StringBuilder suffix = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new SchemaName("herald_t_" + suffix);
    }

    @Override
    public String toString() {
        return value;
    }

    /** Thrown before any SQL runs when a schema name does not match the pattern. */
    public static class InvalidSchemaName extends IllegalArgumentException {
        public InvalidSchemaName(String value) {
            super("Refused schema name " + (value == null ? "null" : '"' + value.replaceAll("[^\\x20-\\x7e]", "?") + '"')
                    + ": it must match " + PATTERN.pattern());
        }
    }
}
