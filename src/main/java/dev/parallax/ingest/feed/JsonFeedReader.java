package dev.parallax.ingest.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.parallax.ingest.PublishTimes;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) read with Jackson. */
final class JsonFeedReader {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    static {
        // A hostile feed must not make us build a deeply nested tree.
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    private JsonFeedReader() {
    }

    static boolean looksLikeJsonFeed(String text) {
        String head = text.stripLeading();
        return head.startsWith("{") && head.substring(0, Math.min(head.length(), 4096)).replace("\\/", "/").contains("jsonfeed.org/version");
    }

    static FeedRead read(String text, String baseUrl) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return new FeedRead.NotAFeed("broken JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return new FeedRead.NotAFeed("JSON that is not a JSON Feed object");
        }
        String version = root.path("version").asText("");
        List<String> warnings = new ArrayList<>();
        if (!version.startsWith("https://jsonfeed.org/version/")) {
            warnings.add("unknown JSON Feed version: " + version);
        }
        String home = root.path("home_page_url").asText("");
        URI base = base(home.isEmpty() ? baseUrl : home, baseUrl);
        List<FeedEntry> entries = new ArrayList<>();
        JsonNode items = root.path("items");
        if (!items.isArray()) {
            warnings.add("the feed has no items array");
        }
        int n = 0;
        for (JsonNode item : items) {
            n++;
            if (!item.isObject()) {
                warnings.add("item " + n + " is not an object; skipped");
                continue;
            }
            String published = item.path("date_published").asText(item.path("date_modified").asText(""));
            var when = PublishTimes.parse(published);
            if (!published.isEmpty() && when.isEmpty()) {
                warnings.add("item " + n + ": unreadable date \"" + published + "\"");
            }
            String url = item.path("url").asText(item.path("external_url").asText(""));
            String content = item.hasNonNull("content_html") ? HtmlText.of(item.path("content_html").asText())
                    : item.path("content_text").asText("");
            entries.add(new FeedEntry(item.path("id").asText(""), absolute(base, url, warnings, n),
                    HtmlText.line(item.path("title").asText("")), when.orElse(null), author(item, root), content,
                    HtmlText.of(item.path("summary").asText(""))));
        }
        String format = version.endsWith("/1") ? "json_feed_1.0" : "json_feed_1.1";
        return new FeedRead.Feed(new ParsedFeed(format, HtmlText.line(root.path("title").asText("")), home,
                entries, warnings));
    }

    // 1.1 has "authors"; 1.0 had "author".
    private static String author(JsonNode item, JsonNode feed) {
        for (JsonNode holder : List.of(item, feed)) {
            JsonNode authors = holder.path("authors");
            if (authors.isArray() && !authors.isEmpty()) {
                return authors.get(0).path("name").asText("");
            }
            if (holder.path("author").isObject()) {
                return holder.path("author").path("name").asText("");
            }
        }
        return "";
    }

    static URI base(String preferred, String fallback) {
        for (String s : new String[] {preferred, fallback}) {
            try {
                if (s != null && !s.isBlank()) {
                    URI u = new URI(s.strip());
                    if (u.isAbsolute()) {
                        return u;
                    }
                }
            } catch (java.net.URISyntaxException e) {
                // try the next
            }
        }
        return null;
    }

    static String absolute(URI base, String link, List<String> warnings, int item) {
        if (link == null || link.isBlank()) {
            return "";
        }
        try {
            URI u = new URI(link.strip().replace(" ", "%20"));
            return u.isAbsolute() || base == null ? u.toString() : base.resolve(u).toString();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            warnings.add("item " + item + ": unreadable link \"" + link + "\"");
            return "";
        }
    }
}
