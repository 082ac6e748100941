package dev.parallax.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    Neighbourhood(FeatureSpace termSpace, FeatureSpace nameSpace, ClusterSettings settings) {
        this.termSpace = termSpace;
        this.nameSpace = nameSpace;
        this.settings = settings;
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
        return renumber(attachStragglers(sim, group));
    }

    // Groups numbered 0.. in order of their first article again, after stragglers left theirs.
    private static int[] renumber(int[] group) {
        int[] number = new int[group.length];
        java.util.Arrays.fill(number, -1);
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

    /** Pairwise similarity with the neighbourhood's own weights, plus date evidence. */
    double[][] similarities(List<ArticleVectors> articles) {
        int n = articles.size();
        SparseVector[] terms = weigh(articles, termSpace, true);
        SparseVector[] names = weigh(articles, nameSpace, false);
        double[] sameWeek = sameWeekEvidence(articles);
        double w = settings.nameWeight();
        double[][] sim = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double t = terms[i].dot(terms[j]);
                double s = names[i].isEmpty() || names[j].isEmpty() ? t : (1 - w) * t + w * names[i].dot(names[j]);
                s += dateEvidence(articles.get(i).day(), articles.get(j).day(), sameWeek[i]);
                sim[i][j] = s;
                sim[j][i] = s;
            }
        }
        return sim;
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
        Map<Long, Integer> perWeek = new HashMap<>();
        for (ArticleVectors a : articles) {
            if (a.day() != ArticleVectors.NO_DAY) {
                perWeek.merge(Math.floorDiv(a.day(), 7), 1, Integer::sum);
            }
        }
        double[] out = new double[n];
        double most = Math.log((n + 1.5) / 1.5);
        for (int i = 0; i < n; i++) {
            long day = articles.get(i).day();
            if (day != ArticleVectors.NO_DAY) {
                out[i] = settings.dateWeight() * Math.log((n + 1.5) / (perWeek.get(Math.floorDiv(day, 7)) + 0.5)) / most;
            }
        }
        return out;
    }

    private SparseVector[] weigh(List<ArticleVectors> articles, FeatureSpace space, boolean terms) {
        int n = articles.size();
        IntDoubleMap df = new IntDoubleMap(256);
        for (ArticleVectors a : articles) {
            TermCounts c = terms ? a.termCounts() : a.nameCounts();
            for (int id : c.ids()) {
                df.add(id, 1);
            }
        }
        double power = settings.localWeight();
        SparseVector[] out = new SparseVector[n];
        for (int i = 0; i < n; i++) {
            TermCounts c = terms ? articles.get(i).termCounts() : articles.get(i).nameCounts();
            double[] w = new double[c.size()];
            for (int k = 0; k < w.length; k++) {
                int id = c.ids()[k];
                double local = power == 0 ? 1 : Math.pow(Math.log((n + 1.5) / (df.get(id) + 0.5)), power);
                w[k] = FeatureSpace.tf(c.counts()[k]) * space.idf(id) * local;
            }
            out[i] = SparseVector.unitSorted(c.ids(), w);
        }
        return out;
    }

    // Each member of a small group joins the larger group it averages most with, if that clears the bar.
    private int[] attachStragglers(double[][] sim, int[] group) {
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
                if (size[group[j]] >= settings.straggler()) {
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
            if (best >= 0 && bestMean >= bar) {
                out[i] = best;
            }
        }
        return out;
    }
}
