package app.herald.publishing.domain;

/** The network's answer to "does the post from that earlier attempt exist?". */
public sealed interface LookupResult {

    record Found(PublishResult.Published post) implements LookupResult {
    }

    /** The network says it does not: publishing again cannot double it. */
    record Absent() implements LookupResult {
    }

    /** The network could not say (down, timed out, or it offers no way to ask); ask again later. */
    record Unknown(String reason) implements LookupResult {
    }
}
