package app.herald.kernel.paging;

import app.herald.kernel.RuleViolation;
import java.util.Optional;

/**
 * One page of a list: from which row, how many, and in which order. A field to sort by is a name the list offers
 * (see {@link PagedQuery#sortable}); none means the list's own order.
 */
public record PageRequest(int first, int size, Optional<String> sortField, boolean ascending) {

    /** Larger pages would bring back the cost paging exists to avoid. */
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (first < 0) {
            throw new RuleViolation("A page cannot start before the first row.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new RuleViolation("A page holds 1 to " + MAX_SIZE + " rows, not " + size + ".");
        }
        sortField = sortField.filter(field -> !field.isBlank());
    }

    /** The first {@code size} rows in the list's own order. */
    public static PageRequest firstRows(int size) {
        return new PageRequest(0, size, Optional.empty(), true);
    }

    public static PageRequest sorted(int first, int size, String field, boolean ascending) {
        return new PageRequest(first, size, Optional.ofNullable(field), ascending);
    }
}
