package dev.parallax.cluster;

import java.util.Arrays;
import java.util.List;

/**
 * Re-clusters a small neighbourhood (a new article and the recent members of the stories it touches)
 * the way a batch clusterer would: every pair compared, average linkage, then stragglers attached.
 *
 * <p>Articles are weighed again with the document frequencies known now and with how each term spreads
 * over the neighbourhood itself: a name every candidate shares (the topic: "Oscars", "Microsoft") says
 * nothing about which event an article reports, a name only some share ("Jackman", "DeGeneres") does.
 * So each term's weight is multiplied by {@code ln((n + 1.5) / (df + 0.5)) ^ localWeight} over the
 * neighbourhood's n articles, of which df hold it.
 */
final class Neighbourhood {
    // Two months apart: different events.
    private static final long FAR_DAYS = 60;

    private final FeatureSpace termSpace;
    private final FeatureSpace nameSpace;
    private final ClusterSettings settings;
    private final double semanticWeight;
    private final LocalIndex localIndex = new LocalIndex();

    Neighbourhood(FeatureSpace termSpace, FeatureSpace nameSpace, ClusterSettings settings) {
        this(termSpace, nameSpace, settings, 0);
    }

    Neighbourhood(FeatureSpace termSpace, FeatureSpace nameSpace, ClusterSettings settings, double semanticWeight) {
        this.termSpace = termSpace;
        this.nameSpace = nameSpace;
        this.settings = settings;
        this.semanticWeight = semanticWeight;
    }

    /** The group of each article, numbered 0.. in order of each group's first article. */
    int[] groups(List<ArticleVectors> articles) {
        double[][] sim = similarities(articles);
        int n = articles.size();
        double[][] work = new double[n][];
        for (int i = 0; i < n; i++) {
            work[i] = sim[i].clone();
        }
        int[] group = AverageLinkage.cluster(work, settings.threshold());
        return renumber(attachStragglers(sim, group, settings));
    }

    // Groups numbered 0.. in order of their first article again (group numbers are below the item count).
    static int[] renumber(int[] group) {
        int[] number = new int[group.length];
        Arrays.fill(number, -1);
        int next = 0;
        int[] out = new int[group.length];
        for (int i = 0; i < group.length; i++) {
            if (number[group[i]] < 0) {
                number[group[i]] = next++;
            }
            out[i] = number[group[i]];
        }
        return out;
    }

    /** Pairwise similarity with the neighbourhood's own weights, plus date and semantic evidence. */
    double[][] similarities(List<ArticleVectors> articles) {
        int n = articles.size();
        double[][] terms = cosines(articles, termSpace, true);
        double[][] names = cosines(articles, nameSpace, false);
        double[] sameWeek = sameWeekEvidence(articles);
        double[][] semantic = semanticEvidence(articles);
        double w = settings.nameWeight();
        boolean[] hasNames = new boolean[n];
        for (int i = 0; i < n; i++) {
            hasNames[i] = articles.get(i).nameCounts().size() > 0;
        }
        double[][] sim = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double t = terms[i][j];
                double s = hasNames[i] && hasNames[j] ? (1 - w) * t + w * names[i][j] : t;
                if (semantic != null) {
                    s += semantic[i][j];
                }
                s += dateEvidence(articles.get(i).day(), articles.get(j).day(), sameWeek[i]);
                sim[i][j] = s;
                sim[j][i] = s;
            }
        }
        return sim;
    }

    // Per pair: the weight times how far its cosine lies above the neighbourhood's mean cosine. Raw
    // embedding cosines are high for any two reports of one kind of event; only the relative order says
    // which share the event. Pairs without both vectors get none; null when the signal is off.
    private double[][] semanticEvidence(List<ArticleVectors> articles) {
        if (semanticWeight == 0) {
            return null; // the usual case: no n x n matrix on every article's re-clustering
        }
        int n = articles.size();
        double[][] out = new double[n][n];
        double sum = 0;
        int pairs = 0;
        boolean[][] has = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            float[] a = articles.get(i).embedding();
            for (int j = i + 1; j < n; j++) {
                float[] b = articles.get(j).embedding();
                if (a != null && b != null) {
                    out[i][j] = SemanticSignal.cosine(a, b);
                    has[i][j] = true;
                    sum += out[i][j];
                    pairs++;
                }
            }
        }
        double mean = pairs == 0 ? 0 : sum / pairs;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                out[i][j] = has[i][j] ? semanticWeight * (out[i][j] - mean) : 0;
                out[j][i] = out[i][j];
            }
        }
        return out;
    }

    // Two reports months apart are different events. Two in the same week are evidence only as far as
    // the week is rare in the neighbourhood: in a live feed every candidate is from this week.
    private double dateEvidence(long a, long b, double sameWeek) {
        if (a == ArticleVectors.NO_DAY || b == ArticleVectors.NO_DAY) {
            return 0;
        }
        if (Math.floorDiv(a, 7) == Math.floorDiv(b, 7)) {
            return sameWeek;
        }
        return Math.abs(a - b) > FAR_DAYS ? -settings.dateWeight() : 0;
    }

    // Per article: the date weight times how rare its week is here, 1 when no other article shares it.
    private double[] sameWeekEvidence(List<ArticleVectors> articles) {
        int n = articles.size();
        long[] weeks = new long[n];
        int dated = 0;
        for (ArticleVectors a : articles) {
            if (a.day() != ArticleVectors.NO_DAY) {
                weeks[dated++] = Math.floorDiv(a.day(), 7);
            }
        }
        long[] sorted = Arrays.copyOf(weeks, dated);
        Arrays.sort(sorted);
        double[] out = new double[n];
        double most = Math.log((n + 1.5) / 1.5);
        for (int i = 0; i < n; i++) {
            long day = articles.get(i).day();
            if (day != ArticleVectors.NO_DAY) {
                long week = Math.floorDiv(day, 7);
                int shared = upperBound(sorted, week) - lowerBound(sorted, week);
                out[i] = settings.dateWeight() * Math.log((n + 1.5) / (shared + 0.5)) / most;
            }
        }
        return out;
    }

    private static int lowerBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(long[] a, long key) {
        return lowerBound(a, key + 1);
    }

    // Cosines of every pair in one block, weighed by the neighbourhood: terms get dense local indexes so
    // each pair costs one pass over one article's terms.
    private double[][] cosines(List<ArticleVectors> articles, FeatureSpace space, boolean terms) {
        int n = articles.size();
        int entries = 0;
        for (ArticleVectors a : articles) {
            entries += (terms ? a.termCounts() : a.nameCounts()).size();
        }
        localIndex.clear();
        int[] df = new int[entries];
        int vocabulary = 0;
        for (ArticleVectors a : articles) {
            for (int id : (terms ? a.termCounts() : a.nameCounts()).ids()) {
                int local = localIndex.get(id);
                if (local < 0) {
                    local = vocabulary++;
                    localIndex.put(id, local);
                }
                df[local]++;
            }
        }
        // The local factor depends only on how many of the n articles hold a term: one table per call.
        double[] spread = new double[n + 1];
        for (int f = 1; f <= n; f++) {
            spread[f] = settings.localWeight() == 0 ? 1 : Math.pow(Math.log((n + 1.5) / (f + 0.5)), settings.localWeight());
        }
        // Each distinct term's weight factor (stream idf x spread), computed once rather than per article.
        double[] factor = new double[vocabulary];
        int[][] at = new int[n][];
        double[][] weight = new double[n][];
        for (int i = 0; i < n; i++) {
            TermCounts c = terms ? articles.get(i).termCounts() : articles.get(i).nameCounts();
            at[i] = new int[c.size()];
            weight[i] = new double[c.size()];
            double norm = 0;
            for (int k = 0; k < c.size(); k++) {
                int id = c.ids()[k];
                int local = localIndex.get(id);
                if (factor[local] == 0) {
                    factor[local] = space.idf(id) * spread[df[local]];
                }
                at[i][k] = local;
                double w = FeatureSpace.tf(c.counts()[k]) * factor[local];
                weight[i][k] = w;
                norm += w * w;
            }
            norm = norm > 0 ? Math.sqrt(norm) : 1;
            for (int k = 0; k < c.size(); k++) {
                weight[i][k] /= norm;
            }
        }
        double[][] cos = new double[n][n];
        double[] dense = new double[vocabulary];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < at[i].length; k++) {
                dense[at[i][k]] = weight[i][k];
            }
            for (int j = i + 1; j < n; j++) {
                double dot = 0;
                for (int k = 0; k < at[j].length; k++) {
                    dot += dense[at[j][k]] * weight[j][k];
                }
                cos[i][j] = dot;
                cos[j][i] = dot;
            }
            for (int k = 0; k < at[i].length; k++) {
                dense[at[i][k]] = 0;
            }
        }
        return cos;
    }

    /**
     * Each member of a small group joins the larger group it averages most with, if that clears the bar, and,
     * when it has group mates, if it averages at least {@code hold} x what it averages with them: three
     * reports of one court ruling are not pulled one by one into a bigger story about another ruling.
     */
    static int[] attachStragglers(double[][] sim, int[] group, ClusterSettings settings) {
        int n = group.length;
        int groups = 0;
        for (int g : group) {
            groups = Math.max(groups, g + 1);
        }
        int[] size = new int[groups];
        for (int g : group) {
            size[g]++;
        }
        double bar = settings.attach() * settings.threshold();
        int[] out = group.clone();
        for (int i = 0; i < n; i++) {
            if (size[group[i]] >= settings.straggler()) {
                continue;
            }
            double[] sum = new double[groups];
            for (int j = 0; j < n; j++) {
                if (j != i && (size[group[j]] >= settings.straggler() || group[j] == group[i])) {
                    sum[group[j]] += sim[i][j];
                }
            }
            int best = -1;
            double bestMean = Double.NEGATIVE_INFINITY;
            for (int g = 0; g < groups; g++) {
                if (size[g] >= settings.straggler() && sum[g] / size[g] > bestMean) {
                    bestMean = sum[g] / size[g];
                    best = g;
                }
            }
            int mates = size[group[i]] - 1;
            boolean staysWithMates = mates > 0 && bestMean < settings.hold() * sum[group[i]] / mates;
            if (best >= 0 && bestMean >= bar && !staysWithMates) {
                out[i] = best;
            }
        }
        return out;
    }

    /**
     * Term id -> dense index within one neighbourhood, reused from call to call: a generation stamp
     * empties it in O(1), so a call neither hashes nor allocates per term. Not thread-safe, like the
     * clusterer that owns it.
     */
    private static final class LocalIndex {
        private int[] slot = new int[1024];
        private int[] stamp = new int[1024];
        private int generation;

        void clear() {
            if (++generation == Integer.MAX_VALUE) {
                Arrays.fill(stamp, 0);
                generation = 1;
            }
        }

        /** The term's index in this neighbourhood, or -1 when it has none yet. */
        int get(int id) {
            return id < stamp.length && stamp[id] == generation ? slot[id] : -1;
        }

        void put(int id, int local) {
            if (id >= stamp.length) {
                int size = Math.max(id + 1, stamp.length * 2);
                slot = Arrays.copyOf(slot, size);
                stamp = Arrays.copyOf(stamp, size);
            }
            stamp[id] = generation;
            slot[id] = local;
        }
    }
}
