package org.creditmesh.scoring.privacy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Exact sampler of the discrete Gaussian N<sub>ℤ</sub>(0, σ²) — P(x) ∝ exp(−x²/2σ²) on the integers —
 * by Canonne, Kamath and Steinke, "The Discrete Gaussian for Differential Privacy" (NeurIPS 2020),
 * Algorithm 1 (rejection from a discrete Laplace). σ² is held as an exact rational and every
 * Bernoulli trial is decided by integer comparisons on uniform integers from a {@link SecureRandom},
 * so there is no floating-point noise whose low bits could leak the value (Mironov 2012).
 */
public final class DiscreteGaussian {

    private final BigInteger sigma2Num;
    private final BigInteger sigma2Den;
    private final BigInteger t;
    private final SecureRandom random;

    /** @param sigma σ; σ² is the exact binary value of the double {@code sigma * sigma}, held as a rational */
    public DiscreteGaussian(double sigma, SecureRandom random) {
        if (!(sigma > 0) || sigma > 1e15) {
            throw new IllegalArgumentException("sigma out of range");
        }
        BigDecimal s2 = new BigDecimal(sigma * sigma);
        if (s2.scale() <= 0) {
            this.sigma2Num = s2.toBigIntegerExact();
            this.sigma2Den = BigInteger.ONE;
        } else {
            this.sigma2Num = s2.unscaledValue();
            this.sigma2Den = BigInteger.TEN.pow(s2.scale());
        }
        // t = floor(σ) + 1, computed exactly: the largest t with t² ≤ σ², plus one.
        this.t = sigma2Num.divide(sigma2Den).sqrt().add(BigInteger.ONE);
        this.random = random;
    }

    /** The σ actually sampled, from the rational σ². */
    public double sigma() {
        return Math.sqrt(new BigDecimal(sigma2Num).divide(new BigDecimal(sigma2Den), java.math.MathContext.DECIMAL64).doubleValue());
    }

    public long sample() {
        while (true) {
            BigInteger u = uniform(t);
            if (!bernoulliExp(u, t)) {
                continue;
            }
            BigInteger v = BigInteger.ZERO;
            while (bernoulliExp(BigInteger.ONE, BigInteger.ONE)) {
                v = v.add(BigInteger.ONE);
            }
            BigInteger y = u.add(t.multiply(v));
            boolean negative = random.nextBoolean();
            if (negative && y.signum() == 0) {
                continue;
            }
            // Accept with probability exp(−(|y| − σ²/t)² / 2σ²) = exp(−(|y|·d·t − n)² / (2·n·d·t²)) for σ² = n/d.
            BigInteger diff = y.multiply(sigma2Den).multiply(t).subtract(sigma2Num);
            BigInteger num = diff.multiply(diff);
            BigInteger den = BigInteger.TWO.multiply(sigma2Num).multiply(sigma2Den).multiply(t).multiply(t);
            if (bernoulliExp(num, den)) {
                return negative ? -y.longValueExact() : y.longValueExact();
            }
        }
    }

    /** A uniform integer in [0, n). */
    private BigInteger uniform(BigInteger n) {
        int bits = n.bitLength();
        while (true) {
            BigInteger r = new BigInteger(bits, random);
            if (r.compareTo(n) < 0) {
                return r;
            }
        }
    }

    private boolean bernoulli(BigInteger num, BigInteger den) {
        return uniform(den).compareTo(num) < 0;
    }

    /** Bernoulli(exp(−num/den)) for num/den ≥ 0, exactly (CKS 2020, Algorithm 2). */
    private boolean bernoulliExp(BigInteger num, BigInteger den) {
        if (num.compareTo(den) <= 0) {
            int k = 1;
            while (bernoulli(num, den.multiply(BigInteger.valueOf(k)))) {
                k++;
            }
            return k % 2 == 1;
        }
        BigInteger whole = num.divide(den);
        for (BigInteger i = BigInteger.ZERO; i.compareTo(whole) < 0; i = i.add(BigInteger.ONE)) {
            if (!bernoulliExp(BigInteger.ONE, BigInteger.ONE)) {
                return false;
            }
        }
        return bernoulliExp(num.subtract(whole.multiply(den)), den);
    }
}
