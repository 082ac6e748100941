package dev.parallax.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parallax.ingest.feed.FeedEntry;
import dev.parallax.ingest.feed.FeedParser;
import dev.parallax.ingest.feed.FeedRead;
import dev.parallax.ingest.feed.ParsedFeed;
import dev.parallax.ingest.http.TextDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Parses every feed file under a folder and, where a sibling {@code expected/NAME.json} holds another
 * library's output (rss-parser's {@code feed.items[].title/link/isoDate}), counts how many of those
 * fields our parse agrees with.
 */
final class FeedCorpusEval {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Totals over the folder. */
    record Totals(int files, int feeds, int notFeeds, int crashes, int entries, int warnings, int compared,
                  int titleAgree, int titleTotal, int linkAgree, int linkTotal, int dateAgree, int dateTotal,
                  List<String> lines, double seconds) {
    }

    static Totals run(Path dir) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(FeedCorpusEval::isFeedFile).sorted().toList();
        } catch (IOException e) {
            throw new InputException("cannot read folder " + dir + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new InputException("no feed files (.xml, .rss, .atom, .rdf, .json) under " + dir);
        }
        FeedParser parser = new FeedParser();
        int feeds = 0;
        int notFeeds = 0;
        int crashes = 0;
        int entries = 0;
        int warnings = 0;
        int compared = 0;
        int[] agree = new int[3];
        int[] total = new int[3];
        List<String> lines = new ArrayList<>();
        long start = System.nanoTime();
        for (Path f : files) {
            FeedRead read;
            try {
                TextDecoder.Decoded text = TextDecoder.decode(Files.readAllBytes(f), "");
                read = parser.parse(text.text(), "", "https://example.org/");
            } catch (IOException e) {
                throw new InputException("cannot read " + f + ": " + e.getMessage());
            } catch (RuntimeException e) {
                crashes++;
                lines.add("CRASH " + dir.relativize(f) + ": " + e);
                continue;
            }
            if (read instanceof FeedRead.NotAFeed n) {
                notFeeds++;
                lines.add("not a feed: " + dir.relativize(f) + " (" + n.reason() + ")");
                continue;
            }
            ParsedFeed feed = ((FeedRead.Feed) read).feed();
            feeds++;
            entries += feed.entries().size();
            warnings += feed.warnings().size();
            Path expected = f.getParent().resolve("expected").resolve(stem(f) + ".json");
            if (Files.isRegularFile(expected)) {
                compared++;
                compare(feed, expected, agree, total, lines, dir.relativize(f).toString());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Totals(files.size(), feeds, notFeeds, crashes, entries, warnings, compared, agree[0], total[0],
                agree[1], total[1], agree[2], total[2], lines, seconds);
    }

    private static void compare(ParsedFeed feed, Path expectedFile, int[] agree, int[] total, List<String> lines,
                                String name) {
        JsonNode items;
        try {
            String text = TextDecoder.decode(Files.readAllBytes(expectedFile), "application/json").text();
            items = JSON.readTree(text).path("feed").path("items");
        } catch (IOException e) {
            lines.add("unreadable expected output " + expectedFile + ": " + e.getMessage());
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode want = items.get(i);
            FeedEntry got = i < feed.entries().size() ? feed.entries().get(i) : null;
            if (want.hasNonNull("title")) {
                boolean ok = got != null && norm(got.title()).equals(norm(want.get("title").asText()));
                tally(0, ok, agree, total, lines, name, i, "title", want.get("title").asText(), got == null ? null : got.title());
            }
            if (want.hasNonNull("link")) {
                boolean ok = got != null && got.link().strip().equals(want.get("link").asText().strip());
                tally(1, ok, agree, total, lines, name, i, "link", want.get("link").asText(), got == null ? null : got.link());
            }
            if (want.hasNonNull("isoDate")) {
                Instant expected = instant(want.get("isoDate").asText());
                boolean ok = got != null && expected != null && expected.equals(got.published());
                tally(2, ok, agree, total, lines, name, i, "date", want.get("isoDate").asText(),
                        got == null ? null : String.valueOf(got.published()));
            }
        }
    }

    private static void tally(int field, boolean ok, int[] agree, int[] total, List<String> lines, String name, int i,
                              String what, String want, String got) {
        total[field]++;
        if (ok) {
            agree[field]++;
        } else if (lines.size() < 200) {
            lines.add("differs: " + name + " item " + (i + 1) + " " + what + ": expected \"" + shorten(want)
                    + "\", got \"" + (got == null ? "(no entry)" : shorten(got)) + "\"");
        }
    }

    private static Instant instant(String s) {
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String norm(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 90 ? one.substring(0, 87) + "..." : one;
    }

    private static boolean isFeedFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean expected = p.getParent() != null && p.getParent().getFileName().toString().equals("expected");
        return !expected && (name.endsWith(".xml") || name.endsWith(".rss") || name.endsWith(".atom")
                || name.endsWith(".rdf") || name.endsWith(".json"));
    }

    private static String stem(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
