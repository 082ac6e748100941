package dev.parallax.app;

import java.util.Arrays;
import java.util.Locale;

/** Per-item latency percentiles from nanosecond timings, printed in milliseconds. */
record Latency(double p50, double p90, double p99, double max) {
    static Latency of(long[] nanos) {
        if (nanos.length == 0) {
            return new Latency(0, 0, 0, 0);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latency(ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "p50 %.3f ms, p90 %.3f ms, p99 %.3f ms", p50, p90, p99);
    }
}
