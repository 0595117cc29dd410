package app.herald.publishing.domain;

/**
 * The network's own answer to "who do these credentials sign in as?", asked when a channel is connected: a channel
 * shows as connected only once the network confirmed it, and shows the account the network named.
 */
public sealed interface AccountCheck {

    /** The network accepted the credentials; {@code account} is how it names the account (a handle or a page name). */
    record Confirmed(String account) implements AccountCheck {
    }

    /** The network refused them, or could not be asked; {@code reason} says so in words for the person connecting. */
    record Refused(String reason) implements AccountCheck {
    }
}
