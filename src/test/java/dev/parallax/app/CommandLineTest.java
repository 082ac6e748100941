package dev.parallax.app;

import static dev.parallax.app.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parallax.Seeds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String db() {
        return dir.resolve("parallax.db").toString();
    }

    @Test
    @DisplayName("digest prints the seed story as Markdown with its divergences")
    void digestMarkdown() {
        CommandRun r = run("--db", db(), "digest", Seeds.folder().toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("# Parallax digest").contains("1 story from 5 articles")
                .contains("### Where sources diverge").contains("Day Putin arrived").contains("### Sources agree");
    }

    @Test
    @DisplayName("digest --format json follows the documented shape")
    void digestJson() throws Exception {
        CommandRun r = run("--db", db(), "digest", "--format", "json", Seeds.folder().toString());

        JsonNode story = JSON.readTree(r.out()).get("stories").get(0);
        assertThat(story.fieldNames()).toIterable().containsExactly("id", "headline", "articles", "summary",
                "agreements", "divergences");
        assertThat(story.get("articles").get(0).fieldNames()).toIterable()
                .containsExactly("id", "source", "title", "url", "published");
        assertThat(story.get("summary").get(0).get("sources").isArray()).isTrue();
        assertThat(story.get("divergences").get(0).get("values").get(0).fieldNames()).toIterable()
                .containsExactly("value", "sources", "quotes");
    }

    @Test
    @DisplayName("a missing path or an empty folder: one clear line, exit 1")
    void badPaths() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        CommandRun missing = run("--db", db(), "digest", dir.resolve("nope").toString());
        CommandRun none = run("--db", db(), "digest", empty.toString());

        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err().strip()).startsWith("parallax: no such file or folder").endsWith("nope")
                .doesNotContain("\n");
        assertThat(none.exit()).isEqualTo(1);
        assertThat(none.err()).contains("no .txt, .md or .html files").contains("empty");
    }

    @Test
    @DisplayName("an invalid JSONL line names file and line, and no output file is written")
    void invalidJsonLine() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":\"a\",\"text\":\"One article.\"}\n{\"id\": oops}\n");
        Path out = dir.resolve("out.jsonl");

        CommandRun r = run("cluster", "--in", in.toString(), "--out", out.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("in.jsonl:2").contains("invalid JSON");
        assertThat(out).doesNotExist();
    }

    @Test
    @DisplayName("cluster: missing fields and duplicate ids are errors with the line")
    void clusterFieldErrors() throws Exception {
        Path noText = dir.resolve("a.jsonl");
        Files.writeString(noText, "{\"id\":\"a\"}\n");
        Path dup = dir.resolve("b.jsonl");
        Files.writeString(dup, "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"a\",\"text\":\"y\"}\n");

        assertThat(run("cluster", "--in", noText.toString()).err()).contains("a.jsonl:1: missing field \"text\"");
        assertThat(run("cluster", "--in", dup.toString()).err()).contains("b.jsonl:2: duplicate id \"a\"");
        assertThat(run("cluster", "--in", dir.resolve("none.jsonl").toString()).err()).contains("no such file");
    }

    @Test
    @DisplayName("cluster writes one {id, story} line per input, in input order")
    void clusterOutput() throws Exception {
        Path in = dir.resolve("in.jsonl");
        StringBuilder lines = new StringBuilder();
        for (String prefix : List.of("000", "001", "003")) {
            lines.append(JSON.createObjectNode().put("id", prefix).put("text", Seeds.read(prefix))).append('\n');
        }
        lines.append(JSON.createObjectNode().put("id", "floods").put("text", Seeds.UNRELATED_ARTICLE)).append('\n');
        Files.writeString(in, lines.toString());
        Path out = dir.resolve("out.jsonl");

        CommandRun r = run("cluster", "--in", in.toString(), "--out", out.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        List<JsonNode> rows = Files.readAllLines(out).stream().map(CommandLineTest::parse).toList();
        assertThat(rows).extracting(n -> n.get("id").asText()).containsExactly("000", "001", "003", "floods");
        assertThat(rows.subList(0, 3)).extracting(n -> n.get("story").asText()).containsOnly(rows.get(0).get("story").asText());
        assertThat(rows.get(3).get("story").asText()).isNotEqualTo(rows.get(0).get("story").asText());
    }

    @Test
    @DisplayName("summarize writes the digest's story object for each input story")
    void summarize() throws Exception {
        Path in = dir.resolve("stories.jsonl");
        var story = JSON.createObjectNode().put("story", "s1");
        var articles = story.putArray("articles");
        for (String prefix : List.of("000", "001", "003")) {
            articles.addObject().put("id", prefix).put("source", "outlet " + prefix).put("text", Seeds.read(prefix));
        }
        Files.writeString(in, story + "\n");

        CommandRun r = run("summarize", "--in", in.toString());

        JsonNode line = parse(r.out().strip());
        assertThat(line.get("story").asText()).isEqualTo("s1");
        assertThat(line.get("headline").asText()).isNotBlank();
        assertThat(line.get("summary")).isNotEmpty();
        assertThat(line.get("divergences").toString()).contains("Thursday").contains("Sunday");
    }

    @Test
    @DisplayName("eval cluster scores a gold file")
    void evalCluster() throws Exception {
        Path gold = dir.resolve("gold.jsonl");
        Files.writeString(gold, JSON.createObjectNode().put("doc_id", "1").put("story_label", "x")
                .put("text", Seeds.read("000")) + "\n" + JSON.createObjectNode().put("doc_id", "2")
                .put("story_label", "y").put("text", Seeds.UNRELATED_ARTICLE) + "\n");

        CommandRun r = run("eval", "cluster", "--gold", gold.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("pairwise").contains("b-cubed   P 1.000  R 1.000  F1 1.000");
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }

    @Test
    @DisplayName("a file that is not a Parallax database gives one clear line, not a stack trace")
    void notADatabase() throws Exception {
        Path bogus = dir.resolve("bogus.db");
        Files.writeString(bogus, "this is not an SQLite file, just text that happens to be long enough to read");

        CommandRun r = run("--db", bogus.toString(), "digest", Seeds.folder().toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("parallax: ").contains(bogus.toString()).doesNotContain("\tat ");
        assertThat(r.err().strip().lines()).hasSize(1);
    }
}
