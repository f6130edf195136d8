package org.creditmesh.core.status;

import java.security.SecureRandom;
import java.util.BitSet;
import java.util.Objects;

/**
 * Hands out status list indexes at random and never twice (Bitstring Status List v1.0 section 2.1:
 * indexes SHOULD be assigned randomly so that their position reveals neither recency nor group size).
 * Not thread-safe; the issuer persists {@link #used()} with the list.
 */
public final class StatusIndexAllocator {

    private final int capacity;
    private final BitSet used;
    private final SecureRandom random;

    /** An allocator for a fresh list of {@code capacity} entries. */
    public StatusIndexAllocator(int capacity, SecureRandom random) {
        this(capacity, new BitSet(capacity), random);
    }

    /** An allocator that continues a list whose indexes in {@code alreadyUsed} are taken. */
    public StatusIndexAllocator(int capacity, BitSet alreadyUsed, SecureRandom random) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.used = (BitSet) alreadyUsed.clone();
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A random index not handed out before; {@link StatusError#STATUS_LIST_EXHAUSTED} once all are used. */
    public int allocate() throws StatusException {
        int taken = used.cardinality();
        if (taken >= capacity) {
            throw new StatusException(StatusError.STATUS_LIST_EXHAUSTED,
                    "all " + capacity + " indexes of the status list are in use; start a new list");
        }
        int index;
        if (taken < capacity / 2) {
            // Rejection sampling keeps the choice uniform over free indexes; fewer than 2 tries on average.
            do {
                index = random.nextInt(capacity);
            } while (used.get(index));
        } else {
            // With the list more than half full, pick the k-th free index directly (uniform, bounded time).
            int k = random.nextInt(capacity - taken);
            index = used.nextClearBit(0);
            for (int i = 0; i < k; i++) {
                index = used.nextClearBit(index + 1);
            }
        }
        used.set(index);
        return index;
    }

    /** Whether an index has been handed out. */
    public boolean isUsed(int index) {
        return used.get(index);
    }

    /** How many indexes are still free. */
    public int remaining() {
        return capacity - used.cardinality();
    }

    public int capacity() {
        return capacity;
    }

    /** The taken indexes (a copy), to persist. */
    public BitSet used() {
        return (BitSet) used.clone();
    }
}
