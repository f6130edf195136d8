package org.creditmesh.core.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two builds of the core side by side in one JVM, each in its own class loader, timed in thread CPU time and
 * interleaved in 100 ms slices: the raw 600-byte Ed25519 verify and the named {@link CredentialFormatsBenchmark}
 * methods of build A, then the same of build B, round after round. On a machine that other jobs load heavily
 * (load averages of 20-30 on 2 vCPUs on 2026-12-06) {@link CpuTimeRatios} run after run moves by several points
 * with the load, because contention slows memory-bound parsing more than the arithmetic of a signature; here both
 * builds share every minute of it, and the two raw verifies (the same code in both loaders) show how far the
 * noise goes. Not a unit test and not JMH. Run with any class path that has this class:
 * {@code java -cp <test classes> org.creditmesh.core.bench.CpuTimeAB 60 240 <class path A> <class path B> vcJwtVerify,sdJwtVerify}
 * where each class path is the test classes, classes, schemas classes and dependencies of one build; see BENCHMARKS.md.
 */
public final class CpuTimeAB {

    /** By name, not class literal: the benchmark classes are loaded only by the two builds' loaders. */
    private static final String PACKAGE = "org.creditmesh.core.bench";

    private static volatile Object sink;

    private CpuTimeAB() {
    }

    private record Op(String name, Object target, Method method) {
    }

    public static void main(String[] args) throws Exception {
        double warm = Double.parseDouble(args[0]);
        double measure = Double.parseDouble(args[1]);
        String[] benchmarks = args[4].split(",");
        List<Op> ops = new ArrayList<>();
        String[] labels = {"A", "B"};
        for (int side = 0; side < 2; side++) {
            List<URL> urls = new ArrayList<>();
            for (String entry : args[2 + side].split(File.pathSeparator)) {
                urls.add(new File(entry).toURI().toURL());
            }
            // Parent: the platform loader, so that nothing of the core or its dependencies is shared between sides.
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Class<?> formats = loader.loadClass(PACKAGE + ".CredentialFormatsBenchmark");
            Object f = formats.getConstructor().newInstance();
            formats.getMethod("setUp").invoke(f);
            Class<?> primitives = loader.loadClass(PACKAGE + ".SignaturePrimitivesBenchmark");
            Object p = primitives.getConstructor().newInstance();
            primitives.getMethod("setUp").invoke(p);
            ops.add(new Op(labels[side] + " raw600", p, primitives.getMethod("ed25519VerifyBouncyCastle")));
            for (String b : benchmarks) {
                ops.add(new Op(labels[side] + " " + b, f, formats.getMethod(b)));
            }
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        // HotSpot's bean also counts the bytes a thread allocates: unlike time, that does not move with the load.
        com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) mx;
        int n = ops.size();
        long[] count = new long[n];
        long[] cpu = new long[n];
        long[] bytes = new long[n];
        for (int phase = 0; phase < 2; phase++) {
            long end = System.nanoTime() + (long) ((phase == 0 ? warm : measure) * 1e9);
            Arrays.fill(count, 0);
            Arrays.fill(cpu, 0);
            Arrays.fill(bytes, 0);
            while (System.nanoTime() < end) {
                for (int i = 0; i < n; i++) {
                    Op op = ops.get(i);
                    long sliceEnd = System.nanoTime() + 100_000_000L;
                    long c0 = mx.getCurrentThreadCpuTime();
                    long b0 = allocation.getCurrentThreadAllocatedBytes();
                    long k = 0;
                    while (System.nanoTime() < sliceEnd) {
                        for (int j = 0; j < 16; j++) {
                            sink = op.method().invoke(op.target());
                        }
                        k += 16;
                    }
                    cpu[i] += mx.getCurrentThreadCpuTime() - c0;
                    bytes[i] += allocation.getCurrentThreadAllocatedBytes() - b0;
                    count[i] += k;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            int raw = i < n / 2 ? 0 : n / 2;
            double us = cpu[i] / 1e3 / count[i];
            double rawUs = cpu[raw] / 1e3 / count[raw];
            System.out.printf("%-24s %8.2f us CPU/op  %6.1f %% of its side's raw600  %7.1f KB allocated/op  (%d ops)%n",
                    ops.get(i).name(), us, 100 * rawUs / us, bytes[i] / 1024.0 / count[i], count[i]);
        }
    }
}
