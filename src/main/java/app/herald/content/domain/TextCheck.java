package app.herald.content.domain;

import java.util.List;

/**
 * How a variant's text measures against its network: the length as the network counts it, the limit, and every
 * problem in words a person can act on. A variant with problems cannot be submitted.
 */
public record TextCheck(Network network, int length, int maxLength, String unit, List<String> problems) {

    public TextCheck {
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    public int remaining() {
        return maxLength - length;
    }
}
