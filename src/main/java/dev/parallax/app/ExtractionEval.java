package dev.parallax.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parallax.ingest.http.TextDecoder;
import dev.parallax.ingest.page.ExtractedPage;
import dev.parallax.ingest.page.PageExtractor;
import dev.parallax.ingest.page.ShingleScore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.zip.GZIPInputStream;

/**
 * Runs the page extractor over a folder laid out like the article-extraction benchmark
 * ({@code ground-truth.json} and {@code html/ID.html[.gz]}) and scores it with {@link ShingleScore}.
 */
final class ExtractionEval {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Result(int pages, int empty, double precision, double recall, double f1, double seconds,
                  ObjectNode predictions) {
    }

    static Result run(Path dir) {
        Path truthFile = dir.resolve("ground-truth.json");
        if (!Files.isRegularFile(truthFile)) {
            throw new InputException("no ground-truth.json in " + dir + " (expected the benchmark's layout)");
        }
        JsonNode truth;
        try {
            truth = JSON.readTree(truthFile.toFile());
        } catch (IOException e) {
            throw new InputException("cannot read " + truthFile + ": " + e.getMessage());
        }
        PageExtractor extractor = new PageExtractor();
        ShingleScore score = new ShingleScore();
        ObjectNode predictions = JSON.createObjectNode();
        int pages = 0;
        int empty = 0;
        long start = System.nanoTime();
        for (Iterator<String> ids = truth.fieldNames(); ids.hasNext(); ) {
            String id = ids.next();
            JsonNode gold = truth.get(id);
            String html = readPage(dir, id);
            ExtractedPage page = extractor.extract(html, gold.path("url").asText(""));
            score.add(gold.path("articleBody").asText(""), page.text());
            predictions.putObject(id).put("articleBody", page.text());
            pages++;
            if (page.text().isEmpty()) {
                empty++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(pages, empty, score.precision(), score.recall(), score.f1(), seconds, predictions);
    }

    private static String readPage(Path dir, String id) {
        Path gz = dir.resolve("html").resolve(id + ".html.gz");
        Path plain = dir.resolve("html").resolve(id + ".html");
        try {
            byte[] bytes;
            if (Files.isRegularFile(gz)) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
                    bytes = in.readAllBytes();
                }
            } else if (Files.isRegularFile(plain)) {
                bytes = Files.readAllBytes(plain);
            } else {
                throw new InputException("no html/" + id + ".html.gz or .html in " + dir);
            }
            return TextDecoder.decode(bytes, "").text();
        } catch (IOException e) {
            throw new InputException("cannot read page " + id + ": " + e.getMessage());
        }
    }
}
