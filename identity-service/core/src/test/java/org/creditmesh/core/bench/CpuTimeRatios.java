package org.creditmesh.core.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Callable;

/**
 * The verify benchmarks' bodies and the raw Ed25519 verifies of {@link SignaturePrimitivesBenchmark}, timed in
 * <em>thread CPU time</em> and interleaved in 100 ms slices, for a machine that other jobs share. JMH measures
 * wall-clock time one benchmark after another, so on a loaded machine its ratios move with the load between
 * benchmarks (on 2026-12-06, at load averages 10-20, the same code gave VC-JWT 33 % and 60 % in two JMH runs);
 * CPU time per operation, taken from all benchmarks in the same minutes, hardly does (two runs: within a point,
 * and on the base commit it gave the ratios of the quiet 2026-12-05 JMH run). Not a unit test and not JMH;
 * garbage collection in other threads is not counted. Run with the test class path:
 * {@code java -cp <test classes:classes:deps> org.creditmesh.core.bench.CpuTimeRatios 40 80}
 * (warm-up and measurement seconds); see BENCHMARKS.md.
 */
public final class CpuTimeRatios {

    private static volatile Object sink;

    private CpuTimeRatios() {
    }

    public static void main(String[] args) throws Exception {
        double warm = Double.parseDouble(args[0]), measure = Double.parseDouble(args[1]);
        CredentialFormatsBenchmark f = new CredentialFormatsBenchmark();
        f.setUp();
        SignaturePrimitivesBenchmark p = new SignaturePrimitivesBenchmark();
        p.setUp();
        String[] names = {"raw600", "raw2345", "vcJwtVerify", "vcJwtVerifyUnified", "sdJwtVerify", "sdJwtVerifyUnified"};
        Callable<?>[] ops = {p::ed25519VerifyBouncyCastle, p::ed25519VerifyBouncyCastleVcJwtInput, f::vcJwtVerify,
                f::vcJwtVerifyUnified, f::sdJwtVerify, f::sdJwtVerifyUnified};
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long[] count = new long[ops.length];
        long[] cpu = new long[ops.length];
        for (int phase = 0; phase < 2; phase++) {
            long end = System.nanoTime() + (long) ((phase == 0 ? warm : measure) * 1e9);
            java.util.Arrays.fill(count, 0);
            java.util.Arrays.fill(cpu, 0);
            while (System.nanoTime() < end) {
                for (int i = 0; i < ops.length; i++) {
                    long sliceEnd = System.nanoTime() + 100_000_000L;
                    long c0 = mx.getCurrentThreadCpuTime();
                    long n = 0;
                    while (System.nanoTime() < sliceEnd) {
                        for (int k = 0; k < 16; k++) {
                            sink = ops[i].call();
                        }
                        n += 16;
                    }
                    cpu[i] += mx.getCurrentThreadCpuTime() - c0;
                    count[i] += n;
                }
            }
        }
        double raw = count[0] / (cpu[0] / 1e9);
        double raw2 = count[1] / (cpu[1] / 1e9);
        for (int i = 0; i < ops.length; i++) {
            double perCpuSecond = count[i] / (cpu[i] / 1e9);
            System.out.printf("%-20s %9.0f ops per CPU-s  %7.1f us CPU/op  %6.1f %% of raw600%s%n", names[i], perCpuSecond,
                    1e6 / perCpuSecond, 100 * perCpuSecond / raw,
                    names[i].equals("vcJwtVerify") ? String.format("  (%.1f %% of raw2345)", 100 * perCpuSecond / raw2) : "");
        }
    }
}
