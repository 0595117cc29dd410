package app.herald.publishing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Sandbox's audience: a cast of recurring demo people with habits of their own (fans, the curious, the
 * disappointed, a spammer, a partner brand), who comment on a channel's posts, mention it, send it messages, like,
 * repost and follow, and sometimes answer its replies. What they do is a pure function of the channel and the
 * ten-minute slot, so reading the same slot twice gives the same event, on every node.
 */
public final class SandboxCrowd {

    /** The audience acts at most once per slot per channel: a steady few items an hour. */
    public static final Duration SLOT = Duration.ofMinutes(10);

    /** One person of the cast. */
    public record Member(String key, String name, Habit habit, long followers) {
        public Person person() {
            return new Person("sandbox:" + key, "@" + key + ".sandbox", name, null, followers);
        }
    }

    /** What a person tends to say. */
    public enum Habit { FAN, CURIOUS, UPSET, SPAM, PARTNER }

    /** What the crowd does in one slot. */
    public record Act(InteractionKind kind, Member who, String text, String parentRef, String subjectRef) {
    }

    public static final List<Member> CAST = List.of(
            new Member("maya", "Maya Lindqvist", Habit.FAN, 1_840),
            new Member("tom", "Tom Okafor", Habit.CURIOUS, 310),
            new Member("priya", "Priya Raman", Habit.FAN, 5_220),
            new Member("lukas", "Lukas Berger", Habit.UPSET, 95),
            new Member("sofia", "Sofía Castillo", Habit.CURIOUS, 780),
            new Member("ben", "Ben Hartley", Habit.FAN, 2_410),
            new Member("amara", "Amara Nwosu", Habit.CURIOUS, 12_900),
            new Member("deals4u", "Top Deals 4 U", Habit.SPAM, 3),
            new Member("kenji", "Kenji Watanabe", Habit.FAN, 640),
            new Member("elena", "Elena Rossi", Habit.UPSET, 1_150),
            new Member("northside", "Northside Market", Habit.PARTNER, 8_400),
            new Member("noah", "Noah Fischer", Habit.CURIOUS, 205),
            new Member("zoe", "Zoë Martin", Habit.FAN, 3_080),
            new Member("omar", "Omar Haddad", Habit.CURIOUS, 470),
            new Member("grace", "Grace Kim", Habit.FAN, 990),
            new Member("freefollowers", "Free Followers Now", Habit.SPAM, 0));

    private static final String[][] COMMENTS = {
        {"This is exactly why I love {brand} ❤️", "Can't wait to try it!", "Best thing I've seen all week.",
            "Shared this with my whole team 🙌", "You never disappoint, {brand}."},
        {"Is this available in every shop?", "What are your opening hours on Sunday?", "Do you ship abroad?",
            "How long does the offer run?", "Is there a vegan option?"},
        {"My order still hasn't arrived after two weeks. Anyone there?", "The last batch was not as good as before.",
            "I was charged twice for the same order, please help.", "Nobody answers the phone, really disappointing.",
            "The app keeps logging me out since the update."},
        {"Get 10,000 followers today!!! Click here http://cheap-followers.example", "💰 Earn $500/day from home 👉 DM me",
            "Crypto giveaway, send 1 to get 2 back", "Want more likes? Visit our profile for deals"},
        {"Great collaboration with {brand} last month, let's do it again!", "Proud to stock {brand} in our stores.",
            "Our customers keep asking for {brand}, any news on the spring range?"}};

    private static final String[][] MENTIONS = {
        {"Just had the best afternoon thanks to {brand} ☀️", "Shoutout to {brand} for the amazing service today!"},
        {"Does anyone know if {brand} is open on holidays?", "Thinking about trying {brand}, any tips?"},
        {"Still waiting for {brand} to answer my email…", "Not impressed with {brand} lately, what happened?"},
        {"{brand} followers: win free stuff at http://giveaway.example 🎁"},
        {"Happy to announce our partnership with {brand}! Details soon."}};

    private static final String[][] MESSAGES = {
        {"Hi! Just wanted to say thank you for the lovely experience."},
        {"Hello, I'd like to ask about wholesale prices for our office.", "Hi, could I book a table for 8 on Friday?"},
        {"Hello, I need help with my order #4417, it arrived damaged.", "Hi, I'd like a refund for my last purchase."},
        {"Dear brand, we offer 50% off promotion services, reply for details"},
        {"Hi team, could we schedule a call about the joint campaign next week?"}};

    private static final String[] FOLLOW_UPS = {"Thank you, that helps a lot!", "Great, thanks for the quick answer 🙏",
        "Perfect, see you then!", "Hmm, that doesn't really solve it. Can someone call me?", "Got it, thanks!"};

    private SandboxCrowd() {
    }

    /** The slot an instant falls in, counted from the epoch. */
    public static long slotOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), SLOT.toMillis());
    }

    public static Instant startOf(long slot) {
        return Instant.ofEpochMilli(slot * SLOT.toMillis());
    }

    /**
     * What happens on a channel in one slot, if anything, given its recent posts (newest first, as Sandbox post ids):
     * comments and likes go to those posts, the rest stands alone.
     */
    public static Optional<Act> in(long channelId, long slot, String brand, List<Long> recentPosts) {
        // The brand takes part: every client's channels start at id 1, and two clients must not hear the same crowd.
        long seed = SandboxRandom.mix(channelId * 31 + slot + brand.hashCode() * 1_000_003L);
        if (SandboxRandom.unit(seed, 1) >= 0.4) {
            return Optional.empty();
        }
        Member who = CAST.get((int) (SandboxRandom.unit(seed, 2) * CAST.size()));
        double roll = SandboxRandom.unit(seed, 3);
        int habit = who.habit().ordinal();
        String post = recentPosts.isEmpty() ? null
                : String.valueOf(recentPosts.get((int) (SandboxRandom.unit(seed, 4) * Math.min(5, recentPosts.size()))));
        if (post != null && roll < 0.45) {
            return Optional.of(new Act(InteractionKind.COMMENT, who, pick(COMMENTS[habit], seed, brand), post, null));
        }
        if (roll < 0.62) {
            return Optional.of(new Act(InteractionKind.MENTION, who, pick(MENTIONS[habit], seed, brand), null, null));
        }
        if (roll < 0.75) {
            return Optional.of(new Act(InteractionKind.MESSAGE, who, pick(MESSAGES[habit], seed, brand), null, null));
        }
        if (post != null && roll < 0.88) {
            return Optional.of(new Act(InteractionKind.LIKE, who, "", null, post));
        }
        if (post != null && roll < 0.94) {
            return Optional.of(new Act(InteractionKind.REPOST, who, "", null, post));
        }
        return Optional.of(new Act(InteractionKind.FOLLOW, who, "", null, null));
    }

    /**
     * Whether the person the channel answered writes back, and when: about four answers in ten get a word back,
     * between five minutes and an hour later.
     */
    public static Optional<Instant> followUpAt(long replyPostId, Instant answeredAt) {
        long seed = SandboxRandom.mix(replyPostId * 7919);
        if (SandboxRandom.unit(seed, 1) >= 0.4) {
            return Optional.empty();
        }
        return Optional.of(answeredAt.plus(Duration.ofMinutes(5 + (long) (SandboxRandom.unit(seed, 2) * 55))));
    }

    public static String followUpText(long replyPostId) {
        return FOLLOW_UPS[(int) (SandboxRandom.unit(SandboxRandom.mix(replyPostId * 7919), 3) * FOLLOW_UPS.length)];
    }

    public static Optional<Member> member(String key) {
        return CAST.stream().filter(m -> m.key().equals(key)).findFirst();
    }

    private static String pick(String[] texts, long seed, String brand) {
        return texts[(int) (SandboxRandom.unit(seed, 5) * texts.length)].replace("{brand}", brand);
    }
}
