package app.herald.publishing.infrastructure;

import app.herald.content.domain.Network;
import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.InboxRead;
import app.herald.publishing.domain.Incoming;
import app.herald.publishing.domain.InteractionKind;
import app.herald.publishing.domain.Moderation;
import app.herald.publishing.domain.NetworkInbox;
import app.herald.publishing.domain.Person;
import app.herald.publishing.domain.PublishResult;
import app.herald.publishing.domain.ReplyTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The inbox of a Mastodon account: its notifications (mentions, direct messages, favourites, boosts, follows, quotes
 * and edits), read from its own instance. Later readings page forward from the newest notification already read, so
 * nothing is skipped when many came in; the first one pages back from the newest as far as the look-back. Mastodon
 * lets an account like what others write, never hide or delete it.
 */
@ApplicationScoped
public class MastodonInbox implements NetworkInbox {

    static final String STREAM = "notifications";
    /** Mastodon's largest page of notifications. */
    static final int PAGE_SIZE = 40;
    /** Bounds one reading; a reading cut short goes on from where it stopped next time. */
    private static final int MAX_PAGES = 25;
    /** "update": a status the account boosted was edited; "quote" (Mastodon 4.5): one of its statuses was quoted. */
    private static final List<String> TYPES = List.of("mention", "favourite", "reblog", "follow", "update", "quote");
    private static final String LIMITS = "Mastodon lets an account like, not hide or delete, what others write.";
    /** Mastodon's ids grow over time as numbers of any length (other servers send fixed-length sortable ones). */
    static final Comparator<String> IDS = Comparator.comparingInt(String::length)
            .thenComparing(Comparator.naturalOrder());

    private final MastodonApi api;

    public MastodonInbox() {
        this(NetworkCall.ANSWER_TIMEOUT);
    }

    MastodonInbox(Duration answerTimeout) {
        this.api = new MastodonApi(answerTimeout);
    }

    @Override
    public Network network() {
        return Network.MASTODON;
    }

    @Override
    public List<String> streams() {
        return List.of(STREAM);
    }

    @Override
    public InboxRead read(ChannelAccess channel, String stream, Optional<String> cursor, Instant lookBack, int max) {
        if (!STREAM.equals(stream)) {
            return new InboxRead.Page(List.of(), Optional.empty(), false);
        }
        try {
            String token = channel.required("access_token");
            String accountId = JsonPaths.text(api.account(channel, token), "id").orElseThrow(() -> new Stop(
                    new PublishResult.RetryLater("Mastodon answered without naming the signed-in account.")));
            Reading reading = new Reading(channel, token, accountId, lookBack, max);
            return cursor.filter(c -> !c.isBlank()).map(reading::forwardFrom).orElseGet(reading::backwards);
        } catch (ChannelAccess.MissingCredential e) {
            return new InboxRead.Failed(new PublishResult.Rejected(e.getMessage(), true));
        } catch (Stop stop) {
            return new InboxRead.Failed(stop.result());
        }
    }

    /** One reading of one channel's notifications. */
    private final class Reading {
        private final ChannelAccess channel;
        private final String token;
        private final String accountId;
        private final Instant lookBack;
        private final int max;
        private final List<Incoming> items = new ArrayList<>();

        Reading(ChannelAccess channel, String token, String accountId, Instant lookBack, int max) {
            this.channel = channel;
            this.token = token;
            this.accountId = accountId;
            this.lookBack = lookBack;
            this.max = max;
        }

        /**
         * Pages with min_id, each the notifications just after the newest one read; the cursor becomes the newest
         * notification looked at, taken or not, so that a reading stopped at {@code max} goes on from there.
         */
        InboxRead forwardFrom(String cursor) {
            String after = cursor;
            String newest = null;
            for (int page = 0; page < MAX_PAGES; page++) {
                List<JsonObject> notes = page("min_id", after);
                if (notes.isEmpty()) {
                    return new InboxRead.Page(items, Optional.ofNullable(newest), false);
                }
                for (JsonObject note : notes.stream().sorted(Comparator.comparing(MastodonInbox::id, IDS)).toList()) {
                    if (items.size() >= max) {
                        return new InboxRead.Page(items, Optional.ofNullable(newest), true);
                    }
                    newest = id(note);
                    if (!createdAt(note).isBefore(lookBack)) {
                        incoming(note).ifPresent(items::add);
                    }
                }
                after = newest;
            }
            return new InboxRead.Page(items, Optional.ofNullable(newest), true);
        }

        /** The first reading: max_id pages back from the newest notification until the look-back or max. */
        InboxRead backwards() {
            String before = null;
            String newest = null;
            for (int page = 0; page < MAX_PAGES; page++) {
                List<JsonObject> notes = page("max_id", before);
                if (notes.isEmpty()) {
                    return new InboxRead.Page(items, Optional.ofNullable(newest), false);
                }
                List<JsonObject> newestFirst = notes.stream()
                        .sorted(Comparator.comparing(MastodonInbox::id, IDS).reversed()).toList();
                if (newest == null) {
                    newest = id(newestFirst.get(0));
                }
                for (JsonObject note : newestFirst) {
                    if (createdAt(note).isBefore(lookBack)) {
                        return new InboxRead.Page(items, Optional.of(newest), false);
                    }
                    if (items.size() >= max) {
                        return new InboxRead.Page(items, Optional.of(newest), true);
                    }
                    incoming(note).ifPresent(items::add);
                }
                before = id(newestFirst.get(newestFirst.size() - 1));
            }
            return new InboxRead.Page(items, Optional.ofNullable(newest), true);
        }

        private List<JsonObject> page(String direction, String from) {
            String query = TYPES.stream().map(t -> Forms.encode("types[]") + "=" + t).collect(Collectors.joining("&"))
                    + "&limit=" + PAGE_SIZE + (from == null ? "" : "&" + direction + "=" + Forms.encode(from));
            NetworkCall call = NetworkCall.send(api.request(channel, "/api/v1/notifications?" + query, token)
                    .GET().build());
            if (!call.succeeded()) {
                throw new Stop(inboxFailure(call, "the account's notifications"));
            }
            return Calls.jsonArray(call).map(JsonPaths::objects).orElseThrow(() -> new Stop(new PublishResult
                    .RetryLater("Mastodon answered the notifications with something Herald could not read.")))
                    .stream().filter(n -> JsonPaths.text(n, "id").isPresent()).toList();
        }

        private Optional<Incoming> incoming(JsonObject note) {
            Optional<JsonObject> status = JsonPaths.object(note, "status");
            String type = JsonPaths.text(note, "type").orElse("");
            return switch (type) {
                case "favourite" -> gesture(note, InteractionKind.LIKE, status);
                case "reblog" -> gesture(note, InteractionKind.REPOST, status);
                case "follow" -> gesture(note, InteractionKind.FOLLOW, Optional.empty());
                case "mention" -> status.flatMap(s -> said(s, kindOf(s)));
                case "quote" -> status.flatMap(s -> said(s, InteractionKind.QUOTE));
                // Mastodon tells of edits only to those who boosted the status: one not said to the account is
                // somebody else's conversation.
                case "update" -> status.filter(this::saidToTheAccount).flatMap(s -> said(s, kindOf(s)));
                default -> Optional.empty();
            };
        }

        private Optional<Incoming> gesture(JsonObject note, InteractionKind kind, Optional<JsonObject> status) {
            Optional<JsonObject> account = JsonPaths.object(note, "account");
            return account.flatMap(a -> person(channel, a)).map(who -> new Incoming("notification:" + id(note), kind,
                    who, "", null, null, null, null, null, null,
                    status.flatMap(s -> JsonPaths.text(s, "id")).orElse(null), createdAt(note),
                    account.flatMap(a -> JsonPaths.text(a, "id")).filter(accountId::equals).isPresent(), false, null));
        }

        /** A status said to the account: the item is the status itself, so its later edits update the same item. */
        private Optional<Incoming> said(JsonObject status, InteractionKind kind) {
            Optional<String> id = JsonPaths.text(status, "id");
            Optional<JsonObject> author = JsonPaths.object(status, "account");
            Optional<Person> who = author.flatMap(a -> person(channel, a));
            Optional<Instant> at = JsonPaths.text(status, "created_at").flatMap(MastodonApi::instant);
            if (id.isEmpty() || who.isEmpty() || at.isEmpty()) {
                return Optional.empty();
            }
            String visibility = JsonPaths.text(status, "visibility").orElse("public");
            String parent = kind == InteractionKind.QUOTE
                    ? JsonPaths.text(status, "quote.quoted_status.id").orElse(null)
                    : JsonPaths.text(status, "in_reply_to_id").orElse(null);
            ReplyTarget target = new ReplyTarget(id.get(), Map.of(MastodonConnector.VISIBILITY, visibility,
                    MastodonConnector.MENTION, "@" + author.flatMap(a -> JsonPaths.text(a, "acct")).orElseThrow()));
            String words = PostText.fromHtml(JsonPaths.text(status, "content").orElse("")).strip();
            // A content warning is part of what was said, and comes first.
            String text = JsonPaths.text(status, "spoiler_text").map(w -> w.strip() + "\n\n" + words).orElse(words);
            return Optional.of(new Incoming(id.get(), kind, who.get(), text,
                    JsonPaths.text(status, "language").orElse(null),
                    JsonPaths.text(status, "url").or(() -> JsonPaths.text(status, "uri")).orElse(null), null, parent,
                    null, target, null, at.get(),
                    author.flatMap(a -> JsonPaths.text(a, "id")).filter(accountId::equals).isPresent(), false,
                    JsonPaths.text(status, "edited_at").flatMap(MastodonApi::instant).orElse(null)));
        }

        /**
         * Mastodon only says who a status answers by account: one answering the channel's account counts as a
         * comment on its post, one answering someone else as a reply in their thread.
         */
        private InteractionKind kindOf(JsonObject status) {
            if ("direct".equals(JsonPaths.text(status, "visibility").orElse(""))) {
                return InteractionKind.MESSAGE;
            }
            if (JsonPaths.text(status, "in_reply_to_id").isEmpty()) {
                return InteractionKind.MENTION;
            }
            return JsonPaths.text(status, "in_reply_to_account_id").filter(accountId::equals).isPresent()
                    ? InteractionKind.COMMENT : InteractionKind.REPLY;
        }

        private boolean saidToTheAccount(JsonObject status) {
            return JsonPaths.text(status, "in_reply_to_account_id").filter(accountId::equals).isPresent()
                    || JsonPaths.objects(status, "mentions").stream()
                    .anyMatch(m -> JsonPaths.text(m, "id").filter(accountId::equals).isPresent());
        }
    }

    /** Someone by their acct made absolute (a local account's acct leaves out the instance's host). */
    static Optional<Person> person(ChannelAccess channel, JsonObject account) {
        return JsonPaths.text(account, "acct").map(acct -> acct.contains("@") ? acct : acct + "@"
                + MastodonApi.host(channel)).map(id -> new Person(id, "@" + id,
                JsonPaths.text(account, "display_name").orElse(null), JsonPaths.text(account, "avatar").orElse(null),
                JsonPaths.number(account, "followers_count").orElse(null)));
    }

    private static String id(JsonObject note) {
        return JsonPaths.text(note, "id").orElseThrow();
    }

    private static Instant createdAt(JsonObject note) {
        return JsonPaths.text(note, "created_at").flatMap(MastodonApi::instant).orElse(Instant.EPOCH);
    }

    /** A 403 means the sign-in lacks a scope: connecting again asks for the ones Herald needs now. */
    private static PublishResult inboxFailure(NetworkCall call, String what) {
        if (call.status() == 403) {
            return new PublishResult.Rejected("Mastodon did not let Herald read " + what
                    + Optional.ofNullable(MastodonApi.errorMessage(call)).map(m -> " (" + m + ")").orElse("")
                    + ". Reconnect the channel to enable the inbox.", false);
        }
        return MastodonApi.failure(call);
    }

    @Override
    public Set<Moderation> moderation(InteractionKind kind) {
        return kind.isConversational() ? EnumSet.of(Moderation.LIKE) : EnumSet.noneOf(Moderation.class);
    }

    @Override
    public Optional<String> moderate(ChannelAccess channel, Moderation action, ReplyTarget target) {
        if (action != Moderation.LIKE) {
            return Optional.of(LIMITS);
        }
        try {
            String path = "/api/v1/statuses/" + Forms.encode(target.parentId()) + "/favourite";
            NetworkCall call = NetworkCall.send(api.request(channel, path, channel.required("access_token"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            if (call.succeeded()) {
                return Optional.empty();
            }
            Optional<String> said = Optional.ofNullable(MastodonApi.errorMessage(call)).map(m -> " (" + m + ")");
            return Optional.of(call.status() == 403
                    ? "Mastodon did not let Herald like it" + said.orElse("") + ". Reconnect the channel to allow it."
                    : "Mastodon did not like it: " + Calls.reason(MastodonApi.failure(call)));
        } catch (ChannelAccess.MissingCredential e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public Optional<String> limits() {
        return Optional.of(LIMITS);
    }
}
