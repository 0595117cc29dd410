package app.herald.publishing.domain;

/**
 * Someone on a network as the network describes them: their stable id there (a Bluesky DID, a Mastodon
 * {@code user@host}, an X user id), handle, name and picture, and their follower count when the network tells it.
 */
public record Person(String id, String handle, String name, String avatarUrl, Long followers) {

    public Person {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A person on a network needs the network's id for them");
        }
        handle = handle == null || handle.isBlank() ? id : handle;
        name = name == null || name.isBlank() ? handle : name;
    }
}
