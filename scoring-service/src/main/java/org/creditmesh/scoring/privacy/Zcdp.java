package org.creditmesh.scoring.privacy;

/**
 * Zero-concentrated differential privacy (Bun and Steinke, TCC 2016) accounting. A discrete Gaussian
 * release of an integer vector with L2 sensitivity Δ and per-coordinate σ is (Δ²/2σ²)-zCDP
 * (Canonne, Kamath, Steinke 2020, Theorem 14 for the multivariate case); ρ adds up under composition;
 * ρ-zCDP implies (ρ + 2√(ρ ln(1/δ)), δ)-DP (Bun–Steinke Proposition 1.3).
 */
public final class Zcdp {

    private Zcdp() {
    }

    public static double rho(double sensitivity, double sigma) {
        return sensitivity * sensitivity / (2 * sigma * sigma);
    }

    public static double sigmaFor(double sensitivity, double rho) {
        return sensitivity / Math.sqrt(2 * rho);
    }

    public static double epsilon(double rho, double delta) {
        return rho + 2 * Math.sqrt(rho * Math.log(1 / delta));
    }

    /** The largest ρ whose (ε, δ) conversion stays within ε: √ρ = √(L + ε) − √L with L = ln(1/δ). */
    public static double rhoFor(double epsilon, double delta) {
        double l = Math.log(1 / delta);
        double s = Math.sqrt(l + epsilon) - Math.sqrt(l);
        return s * s;
    }
}
