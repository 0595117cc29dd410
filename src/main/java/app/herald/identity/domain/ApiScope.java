package app.herald.identity.domain;

import app.herald.kernel.RuleViolation;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API token may be used for. A scope only narrows: a token never does more than its member's role allows
 * at the moment of the request.
 */
public enum ApiScope {
    CLIENTS_READ("clients:read", "See the clients and their channels"),
    POSTS_READ("posts:read", "Read posts, their variants and states"),
    POSTS_WRITE("posts:write", "Write, schedule and submit posts"),
    REVIEWS_WRITE("reviews:write", "Record review decisions"),
    ANALYTICS_READ("analytics:read", "Read analytics summaries"),
    REPORTS_READ("reports:read", "Ask for reports and download them");

    private final String code;
    private final String label;

    ApiScope(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static ApiScope of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new RuleViolation("There is no API scope '" + code + "'. Scopes: "
                        + Arrays.stream(values()).map(ApiScope::code).collect(Collectors.joining(", ")) + "."));
    }

    static String toColumn(Collection<ApiScope> scopes) {
        return scopes.stream().sorted().map(ApiScope::code).collect(Collectors.joining(" "));
    }

    static Set<ApiScope> fromColumn(String column) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String code : column.split(" ")) {
            if (!code.isBlank()) {
                scopes.add(of(code));
            }
        }
        return scopes;
    }
}
