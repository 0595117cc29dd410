package app.herald.testsupport;

import app.herald.kernel.crypto.TokenCipher;
import app.herald.publishing.infrastructure.CredentialVault;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Inbox data written straight into tenant schemas for the engagement benchmark, shaped as Herald's intake stores it:
 * a client's inbox with two weeks of people and conversations, and Mastodon channels whose mentions no reading has
 * fetched yet.
 */
public final class EngagementLoad {

    /** The word that one conversation in a hundred contains, to search for. */
    public static final String RARE_WORD = "espresso";
    private static final int BATCH = 1_000;
    private static final String[] WORDS = {"Do you deliver on Sundays?", "Love the new blend!",
        "My order never arrived.", "Is the shop open late?", "Can I book a table for six?",
        "Which beans are in the house blend?", "The app keeps logging me out.", "Great service yesterday."};

    private EngagementLoad() {
    }

    /** What {@link #inbox} wrote, and one conversation that has its full share of interactions. */
    public record Inbox(int contacts, int conversations, int interactions, long sampleConversation) {
        @Override
        public String toString() {
            return contacts + " contacts, " + conversations + " conversations, " + interactions + " interactions";
        }
    }

    /** A connected Sandbox channel created now (so that its crowd has nothing older to say). */
    public static long sandboxChannel(Connection c, String schema, String handle) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + schema + ".channel (network, handle, "
                + "display_name, active, created_at, connected_at) VALUES ('SANDBOX', ?, ?, TRUE, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, handle);
            insert.setString(2, handle);
            insert.setLong(3, now);
            insert.setLong(4, now);
            insert.executeUpdate();
            try (var keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /**
     * A worked inbox on one channel over the last two weeks: the contacts, each with one identity; the conversations
     * spread over the contacts (a tenth New, a tenth Pending, the rest Done), each with the same number of
     * interactions.
     */
    public static Inbox inbox(DataSource dataSource, String schema, long tenantId, long channelId, int contacts,
                              int conversations, int perConversation) throws SQLException {
        long now = System.currentTimeMillis();
        long span = Duration.ofDays(13).toMillis();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement contact = c.prepareStatement("INSERT INTO " + schema + ".contact (id, name, "
                    + "first_seen_at, last_seen_at, search_text, created_at) VALUES (?, ?, ?, ?, ?, ?)");
                 PreparedStatement identity = c.prepareStatement("INSERT INTO " + schema + ".contact_identity (id, "
                         + "contact_id, network, network_user_id, handle, name, first_seen_at, last_seen_at) VALUES "
                         + "(?, ?, 'SANDBOX', ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= contacts; i++) {
                    String name = "Person " + i;
                    contact.setLong(1, i);
                    contact.setString(2, name);
                    contact.setLong(3, now - span);
                    contact.setLong(4, now);
                    contact.setString(5, ("@person" + i + " " + name).toLowerCase());
                    contact.setLong(6, now - span);
                    contact.addBatch();
                    identity.setLong(1, i);
                    identity.setLong(2, i);
                    identity.setString(3, "sandbox:person" + i);
                    identity.setString(4, "@person" + i);
                    identity.setString(5, name);
                    identity.setLong(6, now - span);
                    identity.setLong(7, now);
                    identity.addBatch();
                    if (i % BATCH == 0 || i == contacts) {
                        contact.executeBatch();
                        identity.executeBatch();
                        c.commit();
                    }
                }
            }
            int waiting = 0;
            try (PreparedStatement conversation = c.prepareStatement("INSERT INTO " + schema + ".conversation (id, "
                    + "channel_id, thread_key, kind, contact_id, preview, state, priority, inbound_count, opened_at, "
                    + "last_inbound_at, last_reply_at, waiting_since, done_at, last_activity_at, search_text, "
                    + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'NORMAL', ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement interaction = c.prepareStatement("INSERT INTO " + schema + ".interaction ("
                         + "channel_id, network_item_id, kind, conversation_id, contact_id, identity_id, body, "
                         + "occurred_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= conversations; i++) {
                    long contactId = 1 + (i * 7919L) % contacts;
                    long last = now - span + span * i / conversations;
                    long opened = last - Duration.ofHours(2).toMillis();
                    String kind = i % 5 == 0 ? "MESSAGE" : "COMMENT";
                    String state = i % 10 == 0 ? "NEW" : i % 10 == 1 ? "PENDING" : "DONE";
                    waiting += state.equals("NEW") ? 1 : 0;
                    String words = WORDS[i % WORDS.length] + (i % 100 == 7 ? " An " + RARE_WORD + " please." : "")
                            + " #" + i;
                    conversation.setLong(1, i);
                    conversation.setLong(2, channelId);
                    conversation.setString(3, "thread-" + i);
                    conversation.setString(4, kind);
                    conversation.setLong(5, contactId);
                    conversation.setString(6, words);
                    conversation.setString(7, state);
                    conversation.setInt(8, perConversation);
                    conversation.setLong(9, opened);
                    conversation.setLong(10, last);
                    conversation.setObject(11, state.equals("NEW") ? null : last + 60_000);
                    conversation.setObject(12, state.equals("NEW") ? last : null);
                    conversation.setObject(13, state.equals("DONE") ? last + 60_000 : null);
                    conversation.setLong(14, last);
                    conversation.setString(15, ("Person " + contactId + " " + words).toLowerCase());
                    conversation.setLong(16, opened);
                    conversation.addBatch();
                    for (int k = 0; k < perConversation; k++) {
                        long at = opened + (last - opened) * k / Math.max(1, perConversation - 1);
                        interaction.setLong(1, channelId);
                        interaction.setString(2, "item-" + i + "-" + k);
                        interaction.setString(3, kind);
                        interaction.setLong(4, i);
                        interaction.setLong(5, contactId);
                        interaction.setLong(6, contactId);
                        interaction.setString(7, k == perConversation - 1 ? words : "Earlier word " + k + " #" + i);
                        interaction.setLong(8, at);
                        interaction.setLong(9, at);
                        interaction.addBatch();
                    }
                    if (i % BATCH == 0 || i == conversations) {
                        conversation.executeBatch();
                        interaction.executeBatch();
                        c.commit();
                    }
                }
            }
            try (PreparedStatement count = c.prepareStatement("REPLACE INTO inbox_count (tenant_id, waiting, "
                    + "updated_at) VALUES (?, ?, ?)")) {
                count.setLong(1, tenantId);
                count.setInt(2, waiting);
                count.setLong(3, now);
                count.executeUpdate();
            }
            c.commit();
        }
        return new Inbox(contacts, conversations, conversations * perConversation, conversations / 2);
    }

    /**
     * Something new in the inbox, stored as the intake stores it (a new person, a conversation waiting for an answer
     * and its first interaction), committed when this returns.
     */
    public static void arrives(DataSource dataSource, String schema, long channelId, String words)
            throws SQLException {
        long now = System.currentTimeMillis();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long contact = insert(c, "INSERT INTO " + schema + ".contact (name, first_seen_at, last_seen_at, "
                    + "search_text, created_at) VALUES ('Live person', ?, ?, 'live person', ?)", now, now, now);
            long identity = insert(c, "INSERT INTO " + schema + ".contact_identity (contact_id, network, "
                    + "network_user_id, handle, name, first_seen_at, last_seen_at) VALUES (?, 'SANDBOX', ?, "
                    + "'@live', 'Live person', ?, ?)", contact, "sandbox:live" + contact, now, now);
            long conversation = insert(c, "INSERT INTO " + schema + ".conversation (channel_id, thread_key, kind, "
                    + "contact_id, preview, state, priority, inbound_count, opened_at, last_inbound_at, waiting_since, "
                    + "last_activity_at, search_text, created_at) VALUES (?, ?, 'COMMENT', ?, ?, 'NEW', 'NORMAL', 1, "
                    + "?, ?, ?, ?, ?, ?)", channelId, "live-" + contact, contact, words, now, now, now, now,
                    words.toLowerCase(), now);
            insert(c, "INSERT INTO " + schema + ".interaction (channel_id, network_item_id, kind, conversation_id, "
                    + "contact_id, identity_id, body, occurred_at, received_at) VALUES (?, ?, 'COMMENT', ?, ?, ?, ?, "
                    + "?, ?)", channelId, "live-" + contact, conversation, contact, identity, words, now, now);
            c.commit();
        }
    }

    /**
     * For each tenant, connected Mastodon channels on the given server (each signed in with its own token), their
     * inbox readings planned far ahead (parked) until {@link #readAllNow}.
     */
    public static void mastodonChannels(DataSource dataSource, List<PublishingLoad.SeededTenant> tenants,
                                        int perTenant, String server, TokenCipher cipher) throws SQLException {
        long now = System.currentTimeMillis();
        try (Connection c = dataSource.getConnection()) {
            for (PublishingLoad.SeededTenant tenant : tenants) {
                for (int k = 0; k < perTenant; k++) {
                    String handle = "@brand" + k + "@127.0.0.1";
                    long channel = insert(c, "INSERT INTO " + tenant.schema() + ".channel (network, handle, "
                            + "display_name, active, created_at, endpoint, connected_at) VALUES ('MASTODON', ?, ?, "
                            + "TRUE, ?, ?, ?)", handle, handle, now, server, now);
                    String sealed = CredentialVault.sealWith(cipher, tenant.id(), channel,
                            Map.of("access_token", "token-" + tenant.id() + "-" + k));
                    try (PreparedStatement update = c.prepareStatement("UPDATE " + tenant.schema()
                            + ".channel SET credentials = ? WHERE id = ?")) {
                        update.setString(1, sealed);
                        update.setLong(2, channel);
                        update.executeUpdate();
                    }
                    insert(c, "INSERT INTO job (queue, kind, tenant_id, subject_id, step, due_at, state, attempts, "
                            + "created_at, updated_at) VALUES ('inbox', 'READ', ?, ?, 0, ?, 'QUEUED', 0, ?, ?)",
                            tenant.id(), channel, PublishingLoad.PARKED.toEpochMilli(), now, now);
                }
            }
        }
    }

    /** Makes every parked inbox reading due now. */
    public static void readAllNow(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement release = c.prepareStatement(
                "UPDATE job SET due_at = ? WHERE queue = 'inbox' AND due_at = ?")) {
            release.setLong(1, Instant.now().toEpochMilli());
            release.setLong(2, PublishingLoad.PARKED.toEpochMilli());
            release.executeUpdate();
        }
    }

    private static long insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
            try (var keys = insert.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        }
    }
}
