package app.herald.tracking.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finding the links in a post's text, tagging them with UTM parameters and putting short links in their place.
 * Punctuation that ends a sentence is not part of a link ("see https://example.com." links to example.com).
 */
public final class Links {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    private static final String TRAILING = ".,;:!?)]}'\"";

    private Links() {
    }

    /** The distinct http(s) links in the text, in order of appearance. */
    public static Set<String> in(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = URL.matcher(text == null ? "" : text);
        while (m.find()) {
            String url = trim(m.group());
            if (isValid(url)) {
                found.add(url);
            }
        }
        return found;
    }

    /** The text with every link replaced by what {@code replacement} gives for it (the same link, if it gives that). */
    public static String replace(String text, UnaryOperator<String> replacement) {
        Matcher m = URL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String url = trim(m.group());
            String rest = m.group().substring(url.length());
            String replaced = isValid(url) ? replacement.apply(url) : url;
            m.appendReplacement(out, Matcher.quoteReplacement(replaced + rest));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The link with UTM parameters added: source = the network, medium = social, campaign = the campaign's UTM name
     * (when the post has a campaign), content = the post. Parameters the author already set are kept as they are.
     */
    public static String tagged(String url, String network, String campaign, long postId) {
        URI uri = URI.create(url);
        String query = uri.getRawQuery();
        StringBuilder added = new StringBuilder();
        append(added, query, "utm_source", network.toLowerCase(Locale.ROOT));
        append(added, query, "utm_medium", "social");
        if (campaign != null && !campaign.isBlank()) {
            append(added, query, "utm_campaign", campaign);
        }
        append(added, query, "utm_content", "post-" + postId);
        String joined = query == null || query.isEmpty() ? added.substring(1) : query + added;
        String fragment = uri.getRawFragment();
        String base = url;
        int cut = indexOfAny(url, '?', '#');
        if (cut >= 0) {
            base = url.substring(0, cut);
        }
        return base + "?" + joined + (fragment == null ? "" : "#" + fragment);
    }

    /** The target with the click's token added, so that the client's site can hand it back with a conversion. */
    public static String withClickToken(String target, String token) {
        int hash = target.indexOf('#');
        String base = hash >= 0 ? target.substring(0, hash) : target;
        String fragment = hash >= 0 ? target.substring(hash) : "";
        return base + (base.contains("?") ? "&" : "?") + "hclid=" + token + fragment;
    }

    private static void append(StringBuilder added, String query, String name, String value) {
        if (query != null && (query.startsWith(name + "=") || query.contains("&" + name + "="))) {
            return;
        }
        added.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static String trim(String url) {
        String u = url;
        while (!u.isEmpty() && TRAILING.indexOf(u.charAt(u.length() - 1)) >= 0) {
            // A closing parenthesis that has an opening one inside the link belongs to it (Wikipedia-style links);
            // one more closing than opening parenthesis closes the sentence's "(see https://...(x))".
            if (u.endsWith(")") && count(u, '(') >= count(u, ')')) {
                break;
            }
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }

    private static boolean isValid(String url) {
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
