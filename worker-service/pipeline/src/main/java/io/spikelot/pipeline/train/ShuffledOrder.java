package io.spikelot.pipeline.train;

import java.util.Random;

/** A fresh seeded permutation of the sample indices for every epoch (Fisher–Yates). */
final class ShuffledOrder {

    private final int size;
    private final Random random;

    ShuffledOrder(int size, long seed) {
        this(size, seed, 0);
    }

    /** The orders of a run that has already drawn {@code drawn} of them. */
    ShuffledOrder(int size, long seed, int drawn) {
        this.size = size;
        this.random = new Random(seed);
        for (int i = 0; i < drawn; i++) {
            next();
        }
    }

    int[] next() {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
