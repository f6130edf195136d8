package org.creditmesh.scoring.federated;

/**
 * Fixed-point encoding of real values into the ring Z<sub>2<sup>64</sup></sub> (Java {@code long}
 * arithmetic, which wraps modulo 2<sup>64</sup>): v ↦ round(v · 2<sup>f</sup>) as a two's-complement
 * integer. Sums of encodings wrap exactly, so masks cancel bit for bit; a sum decodes correctly as long
 * as its true value stays within ±2<sup>63 − f</sup>. Counts use {@code f = 0}.
 */
public final class FixedPoint {

    /** Fractional bits of gradients and losses: 2<sup>−24</sup> ≈ 6·10<sup>−8</sup> resolution, sums up to ±5·10<sup>11</sup>. */
    public static final int GRADIENT_BITS = 24;

    private FixedPoint() {
    }

    public static long encode(double v, int fracBits) {
        double scaled = Math.scalb(v, fracBits);
        if (!(Math.abs(scaled) < 0x1p62)) {
            throw new ArithmeticException("value outside the fixed-point range");
        }
        return Math.round(scaled);
    }

    public static long[] encode(double[] v, int fracBits) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = encode(v[i], fracBits);
        }
        return out;
    }

    public static double decode(long v, int fracBits) {
        return Math.scalb((double) v, -fracBits);
    }

    public static double[] decode(long[] v, int fracBits) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = decode(v[i], fracBits);
        }
        return out;
    }
}
