package dev.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.parallax.text.TermAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LeaveOneTopicOutTest {
    private static final TermAnalyzer ANALYZER = new TermAnalyzer();

    @AfterAll
    static void close() {
        ANALYZER.close();
    }

    private static List<TopicCrossValidation.Labelled> docs() {
        return Articles.fourTopics();
    }

    private static List<ClusterSettings> thresholds(double... values) {
        List<ClusterSettings> grid = new ArrayList<>();
        for (double v : values) {
            grid.add(ClusterSettings.defaults().withThreshold(v));
        }
        return grid;
    }

    private static List<String> finalStories(List<TopicCrossValidation.Labelled> docs, ClusterSettings settings) {
        return StreamRun.of(docs.stream().map(TopicCrossValidation.Labelled::doc).toList(), settings, ANALYZER).finalStory();
    }

    @Test
    @DisplayName("when every fold takes the same settings, the pooled held-out figure is their score on the whole file,"
            + " pairs wrongly joined across topics included")
    void onePointIsTheWholeFile() {
        for (ClusterSettings s : thresholds(0.15, 0.01)) {
            List<TopicCrossValidation.Labelled> docs = docs();
            ClusterScores whole = ClusterScores.score(docs.stream().map(TopicCrossValidation.Labelled::story).toList(),
                    finalStories(docs, s));

            LeaveOneTopicOut.Result r = LeaveOneTopicOut.run(docs, List.of(s), s, ANALYZER);

            assertThat(r.pooled().pairPrecision()).isCloseTo(whole.pairPrecision(), within(1e-12));
            assertThat(r.pooled().pairRecall()).isCloseTo(whole.pairRecall(), within(1e-12));
            assertThat(r.pooled().bcubedPrecision()).isCloseTo(whole.bcubedPrecision(), within(1e-12));
            assertThat(r.pooled().bcubedRecall()).isCloseTo(whole.bcubedRecall(), within(1e-12));
            assertThat(r.folds()).extracting(LeaveOneTopicOut.Fold::topic).containsExactly("t1", "t2", "t3", "t4");
            assertThat(r.folds()).allMatch(f -> f.wrongPairs() == f.configuredWrongPairs());
        }
        // Per topic, pair by pair: a wrongly joined pair crossing topics counts half for each side.
        List<TopicCrossValidation.Labelled> docs = docs();
        List<String> predicted = finalStories(docs, ClusterSettings.defaults().withThreshold(0.01));
        LeaveOneTopicOut.Result low = LeaveOneTopicOut.run(docs, thresholds(0.01), ClusterSettings.defaults(), ANALYZER);
        double across = 0;
        for (LeaveOneTopicOut.Fold fold : low.folds()) {
            double wronglyJoined = 0;
            long wronglySplit = 0;
            for (int i = 0; i < docs.size(); i++) {
                for (int j = 0; j < docs.size(); j++) {
                    boolean mine = docs.get(i).topic().equals(fold.topic());
                    boolean sameTopic = docs.get(j).topic().equals(fold.topic());
                    boolean gold = docs.get(i).story().equals(docs.get(j).story());
                    boolean joined = predicted.get(i).equals(predicted.get(j));
                    if (!mine || i == j) {
                        continue;
                    }
                    if (joined && !gold) {
                        // Ordered pairs: one within the topic is seen twice (0.5 + 0.5), one across it once.
                        wronglyJoined += 0.5;
                        across += sameTopic ? 0 : 1;
                    } else if (!joined && gold && j > i) {
                        wronglySplit++;
                    }
                }
            }
            assertThat(fold.falsePairs()).as(fold.topic()).isEqualTo(wronglyJoined);
            assertThat(fold.missedPairs()).as(fold.topic()).isEqualTo(wronglySplit);
        }
        assertThat(across).as("the low threshold joins the two Chile topics").isPositive();
    }

    @Test
    @DisplayName("each topic is scored with the grid point best on the other topics alone (first in grid order on a tie)")
    void eachFoldTunesOnTheOthers() {
        List<TopicCrossValidation.Labelled> docs = turkeyInTwoStories();
        List<ClusterSettings> grid = thresholds(0.95, 0.5, 0.3, 0.15, 0.05, 0.01);
        List<List<String>> runs = grid.stream().map(s -> finalStories(docs, s)).toList();

        LeaveOneTopicOut.Result r = LeaveOneTopicOut.run(docs, grid, ClusterSettings.defaults(), ANALYZER);

        int bestOnAll = bestOn(docs, runs, "none");
        boolean heldOutTopicMattered = false;
        for (LeaveOneTopicOut.Fold fold : r.folds()) {
            int expected = bestOn(docs, runs, fold.topic());
            assertThat(fold.chosen()).as(fold.topic()).isEqualTo(grid.get(expected));
            heldOutTopicMattered |= expected != bestOnAll;
        }
        assertThat(heldOutTopicMattered).as("some fold's choice differs from the best on all topics").isTrue();
    }

    @Test
    @DisplayName("with the grid in families, each fold takes the family whose choices transfer best inside its tuning"
            + " topics, then that family's best point on them")
    void nestedFoldsChooseTheFamilyByAnInnerLeaveOneTopicOut() {
        List<TopicCrossValidation.Labelled> docs = turkeyInTwoStories();
        List<List<ClusterSettings>> families = List.of(thresholds(0.95, 0.3), thresholds(0.15));
        List<ClusterSettings> grid = families.stream().flatMap(List::stream).toList();
        List<List<String>> runs = grid.stream().map(s -> finalStories(docs, s)).toList();
        List<String> topics = List.of("t1", "t2", "t3", "t4");

        LeaveOneTopicOut.Result r = LeaveOneTopicOut.nested(docs, families, ClusterSettings.defaults(), ANALYZER);

        boolean nestingMattered = false;
        int first = 0;
        List<List<Integer>> members = new ArrayList<>();
        for (List<ClusterSettings> family : families) {
            members.add(IntStream.range(first, first + family.size()).boxed().toList());
            first += family.size();
        }
        for (LeaveOneTopicOut.Fold fold : r.folds()) {
            String t = fold.topic();
            List<Integer> byTransfer = members.get(0);
            double bestTransfer = Double.NEGATIVE_INFINITY;
            for (List<Integer> family : members) {
                double transfer = transfer(docs, runs, family, t, topics);
                if (transfer > bestTransfer) {
                    bestTransfer = transfer;
                    byTransfer = family;
                }
            }
            int expected = bestOn(docs, runs, byTransfer, Set.of(t));
            assertThat(fold.chosen()).as(t).isEqualTo(grid.get(expected));
            nestingMattered |= expected != bestOn(docs, runs, members.stream().flatMap(List::stream).toList(),
                    Set.of(t));
        }
        assertThat(nestingMattered).as("some fold's choice differs from the best fit over all families").isTrue();
    }

    // Brute force, pair by pair: a leave-one-topic-out over the topics but t, within one family of points.
    // Pairs touching t count for nothing; a wrongly joined pair between two other topics counts half for each.
    private static double transfer(List<TopicCrossValidation.Labelled> docs, List<List<String>> runs,
                                   List<Integer> family, String t, List<String> topics) {
        double tp = 0;
        double fp = 0;
        double fn = 0;
        for (String u : topics) {
            if (u.equals(t)) {
                continue;
            }
            List<String> predicted = runs.get(bestOn(docs, runs, family, Set.of(t, u)));
            for (int i = 0; i < docs.size(); i++) {
                for (int j = i + 1; j < docs.size(); j++) {
                    String ti = docs.get(i).topic();
                    String tj = docs.get(j).topic();
                    if (ti.equals(t) || tj.equals(t) || !ti.equals(u) && !tj.equals(u)) {
                        continue;
                    }
                    boolean gold = docs.get(i).story().equals(docs.get(j).story());
                    boolean joined = predicted.get(i).equals(predicted.get(j));
                    tp += gold && joined ? 1 : 0;
                    fn += gold && !joined ? 1 : 0;
                    fp += !gold && joined ? (ti.equals(tj) ? 1 : 0.5) : 0;
                }
            }
        }
        return tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn);
    }

    // Six Turkey reports in two stories by their text: that topic wants a high threshold, Chile a low one.
    private static List<TopicCrossValidation.Labelled> turkeyInTwoStories() {
        List<TopicCrossValidation.Labelled> docs = new ArrayList<>(
                docs().stream().filter(d -> !d.topic().equals("t2")).toList());
        for (int i = 0; i < 6; i++) {
            docs.add(new TopicCrossValidation.Labelled(Articles.quakeTurkey("t" + i, i, null), "turkey " + i % 2, "t2"));
        }
        return docs;
    }

    // The first grid point with the best pairwise F1 over the articles outside the topic left out.
    private static int bestOn(List<TopicCrossValidation.Labelled> docs, List<List<String>> runs, String leftOut) {
        return bestOn(docs, runs, IntStream.range(0, runs.size()).boxed().toList(),
                Set.of(leftOut));
    }

    // The first of the points with the best pairwise F1 over the articles outside the topics left out.
    private static int bestOn(List<TopicCrossValidation.Labelled> docs, List<List<String>> runs, List<Integer> points,
                              Set<String> leftOut) {
        int best = -1;
        double bestF1 = Double.NEGATIVE_INFINITY;
        for (int g : points) {
            List<String> gold = new ArrayList<>();
            List<String> predicted = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                if (!leftOut.contains(docs.get(i).topic())) {
                    gold.add(docs.get(i).story());
                    predicted.add(runs.get(g).get(i));
                }
            }
            double f1 = ClusterScores.score(gold, predicted).pairF1();
            if (f1 > bestF1) {
                bestF1 = f1;
                best = g;
            }
        }
        return best;
    }

    @Test
    @DisplayName("one topic, a story under two topics or an empty grid is refused")
    void badInput() {
        ClusterSettings s = ClusterSettings.defaults();
        List<TopicCrossValidation.Labelled> oneTopic = docs().stream().filter(d -> d.topic().equals("t1")).toList();
        List<TopicCrossValidation.Labelled> spanning = new ArrayList<>(docs());
        spanning.add(new TopicCrossValidation.Labelled(Articles.budget("b2", null), "budget", "t1"));

        assertThatThrownBy(() -> LeaveOneTopicOut.run(oneTopic, List.of(s), s, ANALYZER))
                .hasMessageContaining("at least two topics, found 1");
        assertThatThrownBy(() -> LeaveOneTopicOut.run(spanning, List.of(s), s, ANALYZER))
                .hasMessageContaining("gold story \"budget\" spans two topics");
        assertThatThrownBy(() -> LeaveOneTopicOut.run(docs(), List.of(), s, ANALYZER)).hasMessageContaining("grid is empty");
        assertThatThrownBy(() -> LeaveOneTopicOut.nested(docs(), List.of(List.of(s), List.of()), s, ANALYZER))
                .hasMessageContaining("grid is empty");
    }
}
