package dev.parallax.app;

import dev.parallax.cluster.ClusterDocument;
import dev.parallax.model.Article;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns JSONL article lines into our records, with an error naming the line for each bad field. */
final class ArticleLines {
    private ArticleLines() {
    }

    static List<ClusterDocument> clusterDocuments(List<JsonLines.Line> lines, String idField) {
        List<ClusterDocument> docs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonLines.Line line : lines) {
            String id = line.text(idField, true);
            if (!ids.add(id)) {
                throw new InputException(line.where() + ": duplicate id \"" + id + "\"");
            }
            docs.add(new ClusterDocument(id, line.text("title", false), line.text("text", true),
                    published(line)));
        }
        return docs;
    }

    static Article article(JsonLines.Line line, com.fasterxml.jackson.databind.JsonNode node, String fallbackId) {
        JsonLines.Line inner = new JsonLines.Line(node, line.file(), line.number());
        String id = inner.text("id", false);
        return new Article(id.isEmpty() ? fallbackId : id, inner.text("source", false), inner.text("title", false),
                inner.text("url", false), published(inner), inner.text("text", true));
    }

    static Instant published(JsonLines.Line line) {
        String value = line.text("published", false);
        if (value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e2) {
                throw new InputException(line.where() + ": \"published\" is not an ISO-8601 time: " + value);
            }
        }
    }
}
