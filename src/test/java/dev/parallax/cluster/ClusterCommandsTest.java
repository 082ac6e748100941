package dev.parallax.cluster;

import static dev.parallax.app.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parallax.app.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    // Gold lines: two topics, each with two same-kind events, as in ECB+.
    private Path gold() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            lines.append(line("chile" + i, "quake_chile", "quakes", Articles.quakeChile("", i, null).text()));
            lines.append(line("turkey" + i, "quake_turkey", "quakes", Articles.quakeTurkey("", i, null).text()));
        }
        lines.append(line("budget", "budget", "politics", Articles.budget("", null).text()));
        Path file = dir.resolve("gold.jsonl");
        Files.writeString(file, lines);
        return file;
    }

    private static String line(String id, String story, String topic, String text) {
        ObjectNode n = JSON.createObjectNode().put("doc_id", id).put("story_label", story).put("topic", topic)
                .put("part", topic.equals("politics") ? "test" : "train").put("text", text);
        return n + "\n";
    }

    @Test
    @DisplayName("eval cluster scores before and after repairs, with latency, and --cv reports both folds")
    void evalWithCrossValidation() throws Exception {
        CommandRun r = run("--config", config(), "eval", "cluster", "--gold", gold().toString(), "--cv");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("pairwise  P 1.000  R 1.000  F1 1.000").contains("on arrival (before repairs)")
                .contains("p99").contains("tuned on odd topics").contains("tuned on even topics")
                .contains("even topics (held out)");
    }

    @Test
    @DisplayName("--cv --repeats N adds N random halvings of the topics, one line per fold and their spread")
    void evalWithRepeatedHalvings() throws Exception {
        CommandRun r = run("--config", config(), "eval", "cluster", "--gold", gold().toString(), "--cv", "--repeats", "2",
                "--seed", "3");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("random halvings of the topics: 2, seed 3")
                .contains("tuned on split 1 half A (1 topic)").contains("tuned on split 2 half B (1 topic)")
                .containsPattern("held out over 4 folds: pairwise F1 mean \\d\\.\\d{3} \\(sd \\d\\.\\d{3}, ");
    }

    @Test
    @DisplayName("--short-streams K streams random sets of K topics with the configured settings and prints their spread")
    void evalWithShortStreams() throws Exception {
        CommandRun r = run("--config", config(), "eval", "cluster", "--gold", gold().toString(), "--short-streams", "1",
                "--draws", "3");
        CommandRun tooMany = run("--config", config(), "eval", "cluster", "--gold", gold().toString(), "--short-streams",
                "3");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("short streams of 1 topic, configured settings, 3 draws, seed 1 .*: pairwise"
                + " F1 mean \\d\\.\\d{3} \\(sd \\d\\.\\d{3}, ");
        assertThat(tooMany.exit()).isEqualTo(1);
        assertThat(tooMany.err()).contains("--short-streams: topics per stream must be in [1, 2]: 3");
        assertThat(tooMany.out()).as("refused before the full-file run").doesNotContain("pairwise");
    }

    @Test
    @DisplayName("--tune-on FIELD=VALUE tunes on those lines and scores the rest; a bad split is a one-line error")
    void evalWithGivenSplit() throws Exception {
        CommandRun r = run("--config", config(), "eval", "cluster", "--gold", gold().toString(), "--tune-on", "part=train");
        CommandRun empty = run("--config", config(), "eval", "cluster", "--gold", gold().toString(), "--tune-on",
                "part=dev");
        CommandRun malformed = run("--config", config(), "eval", "cluster", "--gold", gold().toString(), "--tune-on",
                "part");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("tuned on part=train \\(6 documents\\) over \\d+ parameter sets: threshold ")
                .contains("the rest (held out, 1 document) pairwise");
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.err()).contains("--tune-on part=dev: both parts of the split need documents: 0 to tune on");
        assertThat(malformed.exit()).isEqualTo(1);
        assertThat(malformed.err()).contains("--tune-on must be FIELD=VALUE: part");
        assertThat(malformed.out()).doesNotContain("pairwise");
    }

    @Test
    @DisplayName("--leave-topic-out tunes on all topics but one, scores that one, and pools the held-out pairs")
    void evalWithLeaveTopicOut() throws Exception {
        CommandRun r = run("--config", config(), "eval", "cluster", "--gold", gold().toString(), "--leave-topic-out");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("leave one topic out: 2 folds, each tuned over 432 parameter sets on the other 1 topic"
                + " and scored on the one left out").containsPattern("  held out, pooled pairwise  P \\d\\.\\d{3}  R"
                + " \\d\\.\\d{3}  F1 \\d\\.\\d{3}").contains("  held out, pooled b-cubed");
    }

    @Test
    @DisplayName("--nest-hold also chooses the straggler hold per fold, and says which it chose; it needs"
            + " --leave-topic-out and values in [0, 1]")
    void evalWithNestedHold() throws Exception {
        CommandRun r = run("--config", config(), "eval", "cluster", "--gold", gold().toString(), "--leave-topic-out",
                "--nest-hold", "0,0.5");

        assertThat(r.exit()).as(r.err()).isZero();
        // The configured hold (0.5) and 0: two families of 432.
        assertThat(r.out()).contains("each tuned over 864 parameter sets")
                .containsPattern("straggler_hold chosen by an inner leave-one-topic-out: (0\\.\\d{2} in [12] folds?(, )?)+\n")
                .contains("  held out, pooled b-cubed");
        assertThat(run("--config", config(), "eval", "cluster", "--gold", gold().toString(), "--nest-hold", "0").err())
                .contains("--nest-hold needs --leave-topic-out");
        assertThat(run("--config", config(), "eval", "cluster", "--gold", gold().toString(), "--leave-topic-out",
                "--nest-hold", "1.5").err()).contains("--nest-hold values must be in [0, 1]");
    }

    @Test
    @DisplayName("--neus reads a NeuS file: each line one story, each outlet with text one article; --tune-on and a JSONL"
            + " file are refused")
    void evalNeus() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int story = 0; story < 2; story++) {
            List<String> outlets = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String text = story == 0 ? Articles.quakeChile("", i, null).text() : Articles.quakeTurkey("", i, null).text();
                outlets.add("TITLE=> Quake report " + i + ". ARTICLE=> " + text);
            }
            outlets.add("TITLE=> A title alone. ARTICLE=> ");
            lines.append(String.join(" [SEP] ", outlets)).append('\n');
        }
        Path neus = dir.resolve("val.source");
        Files.writeString(neus, lines);

        CommandRun r = run("--config", config(), "eval", "cluster", "--gold", neus.toString(), "--neus");
        CommandRun tuned = run("--config", config(), "eval", "cluster", "--gold", neus.toString(), "--neus", "--tune-on",
                "part=train");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("documents 6, gold stories 2, predicted stories 2")
                .contains("pairwise  P 1.000  R 1.000  F1 1.000");
        assertThat(tuned.exit()).isNotZero();
        assertThat(tuned.err()).contains("--tune-on reads a JSONL field; a NeuS file has none");
        CommandRun jsonl = run("--config", config(), "eval", "cluster", "--gold", gold().toString(), "--neus");
        assertThat(jsonl.exit()).isNotZero();
        assertThat(jsonl.err()).contains("gold.jsonl:1: not a NeuS line (no ARTICLE=>); is the file JSONL?");
        assertThat(jsonl.out()).isEmpty();
    }

    @Test
    @DisplayName("--repeats without --cv is a one-line error")
    void repeatsNeedCrossValidation() throws Exception {
        CommandRun r = run("--config", config(), "eval", "cluster", "--gold", gold().toString(), "--repeats", "2");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--repeats needs --cv");
    }

    @Test
    @DisplayName("bench cluster prints the first size cold, then one warm row per size after the warm-up")
    void bench() throws Exception {
        CommandRun r = run("--config", config(), "bench", "cluster", "--in", gold().toString(), "--sizes", "20,50",
                "--warmup", "30");

        assertThat(r.exit()).as(r.err()).isZero();
        List<String> rows = r.out().lines().filter(l -> l.matches(" *\\d+ .*")).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).trim().split("\\s+")).hasSize(10).startsWith("20").endsWith("cold");
        assertThat(rows.get(1).trim().split("\\s+")).startsWith("20").endsWith("warm");
        assertThat(rows.get(2).trim().split("\\s+")).hasSize(10).startsWith("50").endsWith("warm");
    }

    @Test
    @DisplayName("cluster keeps bad articles, each alone with a note, and says so on stderr")
    void clusterBadInput() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, JSON.createObjectNode().put("id", "w").put("text", "Earthquake") + "\n"
                + JSON.createObjectNode().put("id", "c1").put("text", Articles.quakeChile("", 0, null).text()) + "\n"
                + JSON.createObjectNode().put("id", "e").put("text", "") + "\n"
                + JSON.createObjectNode().put("id", "c2").put("text", Articles.quakeChile("", 1, null).text()) + "\n");

        CommandRun r = run("--config", config(), "cluster", "--in", in.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        List<String> out = r.out().lines().toList();
        assertThat(out).hasSize(4);
        assertThat(out.get(0)).contains("\"note\":\"too short to compare (1 word)\"");
        assertThat(out.get(2)).contains("\"note\":\"empty article\"");
        assertThat(JSON.readTree(out.get(1)).get("story")).isEqualTo(JSON.readTree(out.get(3)).get("story"));
        assertThat(r.err()).contains("in.jsonl:1: article \"w\" kept in a story of its own")
                .contains("in.jsonl:3: article \"e\"");
    }

    @Test
    @DisplayName("a bad [cluster] value in the config is a one-line error naming the key")
    void badConfig() throws Exception {
        Path config = dir.resolve("bad.toml");
        Files.writeString(config, "[cluster]\nthreshold = 1.5\n");

        CommandRun r = run("--config", config.toString(), "eval", "cluster", "--gold", gold().toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("threshold must be in [0, 1]: 1.5");
    }

    // An empty config: the built-in defaults, whatever config/ holds in the working directory.
    private String config() throws Exception {
        Path file = dir.resolve("empty.toml");
        Files.writeString(file, "");
        return file.toString();
    }
}
