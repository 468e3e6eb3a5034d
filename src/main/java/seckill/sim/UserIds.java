package seckill.sim;

import java.util.SplittableRandom;

/**
 * The i-th user's id, from a seed, without holding any list: a seeded bijection on 40-bit numbers, so ids look
 * random, are reproducible, and are distinct for distinct indexes (memory flat in the number of users).
 */
public final class UserIds {
    private static final int BITS = 40;
    private static final long MASK = (1L << BITS) - 1;

    private final long multiplier1;
    private final long multiplier2;
    private final long offset;

    public UserIds(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // odd multipliers and additions are bijections modulo 2^40, and so is x ^ (x >>> k)
        multiplier1 = (random.nextLong() | 1L) & MASK;
        multiplier2 = (random.nextLong() | 1L) & MASK;
        offset = random.nextLong() & MASK;
    }

    public long number(long index) {
        long x = (index + offset) & MASK;
        x = (x * multiplier1) & MASK;
        x ^= x >>> 21;
        x = (x * multiplier2) & MASK;
        x ^= x >>> 17;
        return x;
    }

    public String id(long index) {
        return "u" + number(index);
    }
}
