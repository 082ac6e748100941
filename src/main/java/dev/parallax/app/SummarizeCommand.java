package dev.parallax.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parallax.digest.JsonRenderer;
import dev.parallax.digest.StoryAnalyzer;
import dev.parallax.model.Article;
import dev.parallax.text.TermAnalyzer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code parallax summarize --in F}: one story a line in, the story object (as in the digest JSON) out. */
@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = "Summarise stories and compare their claims; JSONL in, JSONL out.")
final class SummarizeCommand extends JsonlCommand {
    @Option(names = "--in", required = true, description = "JSONL: {\"story\",\"articles\":[{\"id\"?,\"source\",\"text\",...}]}")
    Path in;

    @Override
    Path in() {
        return in;
    }

    @Override
    List<String> convert(List<JsonLines.Line> lines) {
        List<StoryInput> stories = new ArrayList<>();
        for (JsonLines.Line line : lines) {
            stories.add(parse(line));
        }
        JsonRenderer json = new JsonRenderer();
        try (TermAnalyzer analyzer = new TermAnalyzer()) {
            StoryAnalyzer storyAnalyzer = Components.storyAnalyzer(analyzer, main.config().summary(),
                    main.config().llm());
            // Stories are independent and every part is thread-safe: use the cores, keep the input order.
            return stories.parallelStream()
                    .map(s -> json.story(storyAnalyzer.brief(s.id, s.articles), "story").toString()).toList();
        }
    }

    private record StoryInput(String id, List<Article> articles) {
    }

    private static StoryInput parse(JsonLines.Line line) {
        String id = line.text("story", true);
        JsonNode articles = line.node().get("articles");
        if (articles == null || !articles.isArray() || articles.isEmpty()) {
            throw new InputException(line.where() + ": \"articles\" must be a non-empty array");
        }
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            JsonNode a = articles.get(i);
            if (!a.isObject()) {
                throw new InputException(line.where() + ": articles[" + i + "] must be an object");
            }
            out.add(ArticleLines.article(line, a, id + "-" + (i + 1)));
        }
        return new StoryInput(id, out);
    }
}
