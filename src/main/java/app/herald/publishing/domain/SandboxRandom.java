package app.herald.publishing.domain;

/**
 * The Sandbox's randomness: numbers that look random but are a pure function of a seed, the same on every run and
 * every node, so that what the Sandbox generates (audiences, crowds) tells one story however often it is read.
 */
final class SandboxRandom {

    private SandboxRandom() {
    }

    /** A number in [0, 1) from a seed and a stream. */
    static double unit(long seed, long stream) {
        return (mix(seed + stream * 0x9E3779B97F4A7C15L) >>> 11) * 0x1.0p-53;
    }

    /** SplitMix64's finaliser: neighbouring seeds give unrelated numbers. */
    static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
