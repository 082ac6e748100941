package dev.parallax.ingest;

import dev.parallax.text.WordTokenizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds near-duplicate articles (the same wire copy with a changed headline or a trailing line) by
 * MinHash over word 5-shingles. Two texts whose estimated Jaccard similarity reaches the threshold
 * are one article. Candidates come from an LSH index of 32 bands of 4 hashes: a text whose
 * estimate reaches 0.8 differs in at most 25 of 128 hashes, so it shares at least 7 whole bands and
 * is always found; lower thresholds fall back to comparing with every known text.
 */
public final class NearDuplicateDetector {
    private static final int SHINGLE = 5;
    private static final int HASHES = 128;
    private static final long[] SEEDS = seeds();

    private static final int BANDS = 32;
    private static final int ROWS = HASHES / BANDS;

    private final double threshold;
    private final boolean banded;
    private final List<Entry> known = new ArrayList<>();
    private final Map<Long, List<Entry>> index = new HashMap<>();
    private long nextSeq;

    private record Entry(String id, int[] signature, Instant addedAt, long seq) {
    }

    public NearDuplicateDetector(double threshold) {
        this.threshold = threshold;
        // Exact only while every match must share a band: fewer mismatching hashes than bands.
        this.banded = (1 - threshold) * HASHES < BANDS;
    }

    /** The id of a known article this text nearly duplicates, if any. */
    public Optional<String> findDuplicate(String text) {
        int[] signature = signature(text);
        if (signature == null) {
            return Optional.empty();
        }
        String best = null;
        double bestScore = threshold;
        for (Entry e : candidates(signature)) {
            double score = similarity(signature, e.signature);
            if (score >= bestScore) {
                best = e.id;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    public void add(String id, String text) {
        add(id, text, Instant.MAX);
    }

    /** Adds a text seen at the given time, so that {@link #forgetBefore} can drop it later. */
    public void add(String id, String text, Instant addedAt) {
        int[] signature = signature(text);
        if (signature != null) {
            Entry e = new Entry(id, signature, addedAt, nextSeq++);
            known.add(e);
            if (banded) {
                for (int b = 0; b < BANDS; b++) {
                    index.computeIfAbsent(bandKey(signature, b), k -> new ArrayList<>()).add(e);
                }
            }
        }
    }

    /** Drops texts added before the given time: the duplicate window moves on. */
    public void forgetBefore(Instant cutoff) {
        if (known.removeIf(e -> e.addedAt.isBefore(cutoff)) && banded) {
            index.values().forEach(list -> list.removeIf(e -> e.addedAt.isBefore(cutoff)));
            index.values().removeIf(List::isEmpty);
        }
    }

    public int size() {
        return known.size();
    }

    private Iterable<Entry> candidates(int[] signature) {
        if (!banded) {
            return known;
        }
        Set<Entry> out = new LinkedHashSet<>();
        for (int b = 0; b < BANDS; b++) {
            List<Entry> bucket = index.get(bandKey(signature, b));
            if (bucket != null) {
                out.addAll(bucket);
            }
        }
        // In the order texts were added, so ties resolve as a full scan would.
        List<Entry> ordered = new ArrayList<>(out);
        ordered.sort(java.util.Comparator.comparingLong(Entry::seq));
        return ordered;
    }

    private static long bandKey(int[] signature, int band) {
        int from = band * ROWS;
        return (long) band << 32 ^ Arrays.hashCode(Arrays.copyOfRange(signature, from, from + ROWS)) & 0xffffffffL;
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
        Arrays.fill(min, Integer.MAX_VALUE);
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
