package dev.parallax.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Clustering quality against gold labels: pairwise precision/recall/F1 over same-story document
 * pairs, and B-cubed precision/recall/F1 averaged over documents.
 */
public record ClusterScores(double pairPrecision, double pairRecall, double pairF1,
                            double bcubedPrecision, double bcubedRecall, double bcubedF1, int documents) {

    /** Scores predicted against gold story labels, both given per document in the same order. */
    public static ClusterScores score(List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("gold and predicted differ in length");
        }
        int n = gold.size();
        Map<String, Integer> goldSize = new HashMap<>();
        Map<String, Integer> predSize = new HashMap<>();
        Map<String, Integer> jointSize = new HashMap<>();
        for (int i = 0; i < n; i++) {
            goldSize.merge(gold.get(i), 1, Integer::sum);
            predSize.merge(predicted.get(i), 1, Integer::sum);
            jointSize.merge(gold.get(i) + '\u0000' + predicted.get(i), 1, Integer::sum);
        }
        long truePairs = jointSize.values().stream().mapToLong(ClusterScores::pairs).sum();
        long predPairs = predSize.values().stream().mapToLong(ClusterScores::pairs).sum();
        long goldPairs = goldSize.values().stream().mapToLong(ClusterScores::pairs).sum();
        double pp = predPairs == 0 ? 1 : truePairs / (double) predPairs;
        double pr = goldPairs == 0 ? 1 : truePairs / (double) goldPairs;

        double bp = 0;
        double br = 0;
        for (int i = 0; i < n; i++) {
            int joint = jointSize.get(gold.get(i) + '\u0000' + predicted.get(i));
            bp += joint / (double) predSize.get(predicted.get(i));
            br += joint / (double) goldSize.get(gold.get(i));
        }
        bp = n == 0 ? 0 : bp / n;
        br = n == 0 ? 0 : br / n;
        return new ClusterScores(pp, pr, f1(pp, pr), bp, br, f1(bp, br), n);
    }

    private static long pairs(int size) {
        return (long) size * (size - 1) / 2;
    }

    private static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
