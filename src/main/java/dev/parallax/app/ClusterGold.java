package dev.parallax.app;

import dev.parallax.cluster.ClusterDocument;
import dev.parallax.cluster.TopicCrossValidation;
import dev.parallax.model.Article;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A gold file for {@code eval cluster}, in stream order: the articles, their gold stories, and (read only
 * when asked for) their topics. Either the JSONL contract (doc_id, story_label, text, topic) or a NeuS
 * {@code .source} file, where each line is one story and each outlet on it one article.
 *
 * @param lines the JSONL lines, for options that read other fields; empty for NeuS
 */
record ClusterGold(List<ClusterDocument> docs, List<String> labels, List<TopicCrossValidation.Labelled> labelled,
                   List<JsonLines.Line> lines) {

    static ClusterGold jsonl(Path file, boolean withTopics) {
        List<JsonLines.Line> lines = JsonLines.read(file);
        List<ClusterDocument> docs = ArticleLines.clusterDocuments(lines, "doc_id");
        List<String> labels = new ArrayList<>();
        List<TopicCrossValidation.Labelled> labelled = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            labels.add(lines.get(i).text("story_label", true));
            if (withTopics) {
                labelled.add(new TopicCrossValidation.Labelled(docs.get(i), labels.get(i),
                        lines.get(i).text("topic", true)));
            }
        }
        return new ClusterGold(docs, labels, labelled, lines);
    }

    /** Each line's outlets are one story (and one topic, its line number); outlets without text are left out. */
    static ClusterGold neus(Path file) {
        List<String> all = NeusFormat.lines(file);
        List<ClusterDocument> docs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<TopicCrossValidation.Labelled> labelled = new ArrayList<>();
        for (int line = 1; line <= all.size(); line++) {
            if (!all.get(line - 1).contains("ARTICLE=>")) {
                // A JSONL gold file given with --neus would otherwise score each whole line as one article.
                throw new InputException(file + ":" + line + ": not a NeuS line (no ARTICLE=>); is the file JSONL?"
                        + " Then leave out --neus");
            }
            String story = "line " + line;
            for (Article a : NeusFormat.articles(all.get(line - 1), file + ":" + line)) {
                ClusterDocument doc = new ClusterDocument(line + "/" + a.id(), a.title(), a.body(), null);
                docs.add(doc);
                labels.add(story);
                labelled.add(new TopicCrossValidation.Labelled(doc, story, story));
            }
        }
        return new ClusterGold(docs, labels, labelled, List.of());
    }
}
