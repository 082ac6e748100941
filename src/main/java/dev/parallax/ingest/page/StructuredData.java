package dev.parallax.ingest.page;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** What a page says about itself in JSON-LD: the article object's body, headline, dates and publisher. */
final class StructuredData {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "blogposting",
            "socialmediaposting", "liveblogposting", "techarticle", "scholarlyarticle", "report", "webpage",
            "creativework", "posting");
    private static final int MAX_DEPTH = 12;

    /** The article objects found in the page's JSON-LD blocks, outermost first. */
    static List<JsonNode> articles(Document doc) {
        List<JsonNode> out = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                JsonParser parser = JSON.createParser(script.data());
                JsonNode root = JSON.readTree(parser);
                if (root != null) {
                    collect(root, out, 0);
                }
            } catch (java.io.IOException e) {
                // A broken block is skipped; the page still has its markup.
            }
        }
        return out;
    }

    /** The longest articleBody, as plain text (some sites put HTML in it). */
    static Optional<String> articleBody(List<JsonNode> articles) {
        String best = "";
        for (JsonNode a : articles) {
            String body = a.path("articleBody").asText("");
            if (body.length() > best.length()) {
                best = body;
            }
        }
        if (best.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(best.contains("<") && best.contains(">") ? Jsoup.parse(best).text() : best);
    }

    static String text(List<JsonNode> articles, String field) {
        for (JsonNode a : articles) {
            JsonNode v = a.path(field);
            if (v.isTextual() && !v.asText().isBlank()) {
                return v.asText().strip();
            }
        }
        return "";
    }

    static String publisherName(List<JsonNode> articles) {
        for (JsonNode a : articles) {
            JsonNode p = a.path("publisher");
            if (p.isArray() && !p.isEmpty()) {
                p = p.get(0);
            }
            String name = p.isTextual() ? p.asText() : p.path("name").asText("");
            if (!name.isBlank()) {
                return name.strip();
            }
        }
        return "";
    }

    private static void collect(JsonNode node, List<JsonNode> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, out, depth + 1));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (isArticle(node.path("@type"))) {
            out.add(node);
        }
        node.forEach(n -> collect(n, out, depth + 1));
    }

    private static boolean isArticle(JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isArticle(t)) {
                    return true;
                }
            }
            return false;
        }
        return type.isTextual() && ARTICLE_TYPES.contains(type.asText().toLowerCase(Locale.ROOT));
    }
}
