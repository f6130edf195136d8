package org.creditmesh.anchor.batch;

import java.time.Duration;
import java.util.Objects;

/** Doubling waits between failed ticks, from {@code initial} up to {@code max}; a success starts over. */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration current;

    public Backoff(Duration initial, Duration max) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.max = Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("0 < initial <= max");
        }
    }

    /** The wait after one more failure. */
    public synchronized Duration next() {
        current = current == null ? initial : (current.compareTo(max.dividedBy(2)) > 0 ? max : current.multipliedBy(2));
        return current;
    }

    public synchronized void reset() {
        current = null;
    }
}
