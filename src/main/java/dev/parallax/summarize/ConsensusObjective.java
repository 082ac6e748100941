package dev.parallax.summarize;

import java.util.ArrayList;
import java.util.List;

/**
 * How well a set of sentences agrees with what every outlet wrote: the sum of ROUGE-1 and ROUGE-2
 * F1 against each article's text and against each headline (a headline is the outlet's own
 * compressed summary). Recall rewards covering what the outlets share; precision penalises
 * repetition, padding and one outlet's asides, so the greedy maximum has a natural length.
 */
final class ConsensusObjective {
    // Tuned on NeuS val lines 1-154 only (see `parallax eval summarize --lines`): headlines weigh
    // as much as bodies on unigrams and twice on bigrams, since their word order is the story's gist.
    static final double HEADLINE_UNIGRAM_WEIGHT = 1.0;
    static final double HEADLINE_BIGRAM_WEIGHT = 2.0;

    private record Reference(NgramCounts counts, double unigramWeight, double bigramWeight) {
    }

    private final List<Reference> references = new ArrayList<>();

    void addBody(String text) {
        add(NgramCounts.of(text), 1.0, 1.0);
    }

    void addHeadline(String text) {
        add(NgramCounts.of(text), HEADLINE_UNIGRAM_WEIGHT, HEADLINE_BIGRAM_WEIGHT);
    }

    private void add(NgramCounts counts, double unigramWeight, double bigramWeight) {
        if (counts.words > 0) {
            references.add(new Reference(counts, unigramWeight, bigramWeight));
        }
    }

    /** The score of the summary {@code chosen} with {@code extra} appended. */
    double score(NgramCounts chosen, NgramCounts extra) {
        int words = chosen.words + extra.words;
        int bigrams = chosen.bigramCount + extra.bigramCount;
        double total = 0;
        for (Reference r : references) {
            int one = NgramCounts.overlap(chosen.unigrams, extra.unigrams, r.counts.unigrams);
            int two = NgramCounts.overlap(chosen.bigrams, extra.bigrams, r.counts.bigrams);
            total += r.unigramWeight * NgramCounts.f1(one, words, r.counts.words)
                    + r.bigramWeight * NgramCounts.f1(two, bigrams, r.counts.bigramCount);
        }
        return total;
    }
}
