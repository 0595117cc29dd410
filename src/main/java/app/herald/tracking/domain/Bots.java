package app.herald.tracking.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells automated visitors from people by their User-Agent. Networks fetch every link to draw its preview card, and
 * crawlers follow them: counting those would inflate clicks on every post. A missing User-Agent is not a browser.
 */
public final class Bots {

    // "bot" as a word or before a version ("Googlebot/2.1", "DuckDuckBot-Https"), not inside a word (the CUBOT phone).
    private static final Pattern KNOWN = Pattern.compile(String.join("|",
            "(?<![a-z])bot\\b", "bot/", "bot-", "duckduckbot", "applebot", "yandex", "semrush", "ahrefs", "crawler",
            "spider", "slurp", "facebookexternalhit", "facebookcatalog", "meta-externalagent", "twitterbot",
            "linkedinbot", "slackbot", "discordbot", "telegrambot", "whatsapp", "skypeuripreview", "embedly",
            "pinterest", "redditbot", "mastodon/", "bluesky", "cardyb", "preview", "curl/", "wget/", "python-requests",
            "python-urllib", "go-http-client", "java/", "java-http-client", "okhttp", "apache-httpclient", "headless",
            "lighthouse", "pingdom", "uptimerobot", "monitor"));

    private Bots() {
    }

    public static boolean isBot(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return true;
        }
        return KNOWN.matcher(userAgent.toLowerCase(Locale.ROOT)).find();
    }
}
