package dev.parallax.ingest;

import dev.parallax.text.WordTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds near-duplicate articles (the same wire copy with a changed headline or a trailing line) by
 * MinHash over word 5-shingles. Two texts whose estimated Jaccard similarity reaches the threshold
 * are one article.
 */
public final class NearDuplicateDetector {
    private static final int SHINGLE = 5;
    private static final int HASHES = 128;
    private static final long[] SEEDS = seeds();

    private final double threshold;
    private final List<Entry> known = new ArrayList<>();

    private record Entry(String id, int[] signature) {
    }

    public NearDuplicateDetector(double threshold) {
        this.threshold = threshold;
    }

    /** The id of a known article this text nearly duplicates, if any. */
    public Optional<String> findDuplicate(String text) {
        int[] signature = signature(text);
        if (signature == null) {
            return Optional.empty();
        }
        String best = null;
        double bestScore = threshold;
        for (Entry e : known) {
            double score = similarity(signature, e.signature);
            if (score >= bestScore) {
                best = e.id;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    public void add(String id, String text) {
        int[] signature = signature(text);
        if (signature != null) {
            known.add(new Entry(id, signature));
        }
    }

    /** Estimated Jaccard similarity of two texts' shingle sets (0 when either is too short). */
    public static double similarity(String a, String b) {
        int[] sa = signature(a);
        int[] sb = signature(b);
        return sa == null || sb == null ? 0 : similarity(sa, sb);
    }

    private static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return same / (double) HASHES;
    }

    private static int[] signature(String text) {
        List<String> words = WordTokenizer.lowerWords(text);
        if (words.size() < SHINGLE) {
            return null;
        }
        int[] min = new int[HASHES];
        java.util.Arrays.fill(min, Integer.MAX_VALUE);
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            long h = 1125899906842597L;
            for (int j = i; j < i + SHINGLE; j++) {
                h = 31 * h + words.get(j).hashCode();
            }
            for (int k = 0; k < HASHES; k++) {
                int v = (int) (mix(h ^ SEEDS[k]) >>> 33);
                if (v < min[k]) {
                    min[k] = v;
                }
            }
        }
        return min;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }

    private static long[] seeds() {
        long[] s = new long[HASHES];
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < HASHES; i++) {
            x += 0x9E3779B97F4A7C15L;
            s[i] = mix(x);
        }
        return s;
    }
}
