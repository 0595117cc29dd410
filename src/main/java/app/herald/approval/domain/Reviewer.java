package app.herald.approval.domain;

/** Who acts on a post: a user, and whether they are agency staff or an approver of the post's client. */
public record Reviewer(long userId, boolean staff, boolean clientApprover) {

    public static Reviewer staff(long userId) {
        return new Reviewer(userId, true, false);
    }

    public static Reviewer client(long userId) {
        return new Reviewer(userId, false, true);
    }
}
