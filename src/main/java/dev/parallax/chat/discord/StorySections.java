package dev.parallax.chat.discord;

import static dev.parallax.chat.discord.DiscordMarkdown.escape;

import dev.parallax.chat.discord.DiscordMessage.Field;
import dev.parallax.chat.discord.EmbedPacker.Fields;
import dev.parallax.chat.discord.EmbedPacker.Lines;
import dev.parallax.chat.discord.EmbedPacker.Section;
import dev.parallax.claims.Agreement;
import dev.parallax.claims.Divergence;
import dev.parallax.digest.StoryBrief;
import dev.parallax.model.Article;
import dev.parallax.summarize.SummarySentence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A story as embed sections, from one side or another. Sources are numbered [1], [2]... in the
 * story's article order; times use Discord's {@code <t:...>} markup, shown in each reader's zone.
 */
final class StorySections {
    // As in the Markdown digest: single-source claims are many and each is weak evidence, so a few, then a count.
    private static final int MAX_SINGLE_SOURCE = 5;
    private final StoryBrief story;
    private final Map<String, Integer> number = new HashMap<>();

    StorySections(StoryBrief story) {
        this.story = story;
        List<Article> articles = story.articles();
        for (int i = 0; i < articles.size(); i++) {
            number.put(articles.get(i).id(), i + 1);
        }
    }

    /** What a digest thread holds: summary, divergences with a quote per side, agreements, lone claims, sources. */
    List<Section> full() {
        List<Section> out = new ArrayList<>();
        out.add(summary());
        divergences(false).ifPresent(out::add);
        agreements(false).ifPresent(out::add);
        singleSource(false).ifPresent(out::add);
        out.add(sources());
        return out;
    }

    /** {@code story}: summary, outlets, divergences (values only) and timeline. */
    List<Section> overview() {
        List<Section> out = new ArrayList<>();
        out.add(summary());
        divergenceValues().ifPresent(out::add);
        out.add(timeline());
        return out;
    }

    /** {@code claims}: divergences with every side's quotes and links, agreements with counts, lone claims. */
    List<Section> claims() {
        List<Section> out = new ArrayList<>();
        divergences(true).ifPresent(out::add);
        agreements(true).ifPresent(out::add);
        singleSource(true).ifPresent(out::add);
        if (out.isEmpty()) {
            out.add(new Lines(escape(headline()), List.of("No claims were found that two sources state or contradict.")));
        } else {
            out.add(0, new Lines(escape(headline()), List.of(outletLine())));
        }
        return out;
    }

    /** {@code sources}: the outlets covering it, with times and links. */
    List<Section> sourcesOnly() {
        return List.of(new Lines(escape(headline()), List.of(outletLine())), sources());
    }

    /** The headline as plain text (thread names); embed titles escape it. */
    String headline() {
        return story.headline().isBlank() ? "Story " + story.id() : story.headline();
    }

    private Lines summary() {
        List<String> lines = new ArrayList<>();
        if (escape(headline()).length() > DiscordLimits.TITLE - EmbedPacker.CONTINUED.length()) {
            lines.add("**" + escape(headline()) + "**"); // the title is shortened, so the full headline goes here
        }
        for (SummarySentence s : story.summary()) {
            lines.add("• " + escape(s.text()) + " " + refs(s.sources()));
        }
        lines.add("");
        lines.add(outletLine());
        return new Lines(escape(headline()), lines);
    }

    private String outletLine() {
        int n = story.articles().size();
        String divergences = story.divergences().isEmpty() ? "no divergences"
                : story.divergences().size() + (story.divergences().size() == 1 ? " divergence" : " divergences");
        return "Story " + DiscordMarkdown.code(story.id()) + " · " + n + (n == 1 ? " outlet" : " outlets") + " · "
                + divergences;
    }

    private Optional<Section> divergences(boolean everyQuote) {
        if (story.divergences().isEmpty()) {
            return Optional.empty();
        }
        List<Field> fields = new ArrayList<>();
        for (Divergence d : story.divergences()) {
            List<String> sides = new ArrayList<>();
            for (Divergence.Side side : d.values()) {
                StringBuilder line = new StringBuilder("• **").append(escape(side.value())).append("** ")
                        .append(refs(side.sources()));
                if (everyQuote) {
                    for (int i = 0; i < side.quotes().size(); i++) {
                        String source = i < side.sources().size() ? side.sources().get(i) : "";
                        line.append("\n> “").append(escape(side.quotes().get(i))).append("” — ").append(outlet(source));
                    }
                } else if (!side.quotes().isEmpty()) {
                    line.append(": “").append(escape(side.quotes().get(0))).append('”');
                }
                sides.add(line.toString());
            }
            fields.add(new Field(escape(capitalize(d.about())), String.join("\n", sides)));
        }
        return Optional.of(new Fields("Where sources differ", fields));
    }

    private Optional<Section> divergenceValues() {
        if (story.divergences().isEmpty()) {
            return Optional.empty();
        }
        List<Field> fields = new ArrayList<>();
        for (Divergence d : story.divergences()) {
            String sides = d.values().stream().map(s -> "• **" + escape(s.value()) + "** " + refs(s.sources()))
                    .collect(Collectors.joining("\n"));
            fields.add(new Field(escape(capitalize(d.about())), sides));
        }
        return Optional.of(new Fields("Where sources differ", fields));
    }

    private Optional<Section> agreements(boolean withQuotes) {
        List<Agreement> shared = story.sharedAgreements();
        if (shared.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        for (Agreement a : shared) {
            int n = a.sources().size();
            StringBuilder line = new StringBuilder("• ").append(escape(capitalize(a.about()))).append(": **")
                    .append(escape(a.value())).append("** (").append(n).append(" sources) ").append(refs(a.sources()));
            if (withQuotes && !a.quotes().isEmpty()) {
                line.append("\n> “").append(escape(a.quotes().get(0))).append('”');
            }
            lines.add(line.toString());
        }
        return Optional.of(new Lines("Sources agree", lines));
    }

    // Apart from the agreements, never counted as one: a digest thread shows a few, the claims view all.
    private Optional<Section> singleSource(boolean all) {
        List<Agreement> single = story.singleSourceClaims();
        if (single.isEmpty()) {
            return Optional.empty();
        }
        int shown = all ? single.size() : Math.min(single.size(), MAX_SINGLE_SOURCE);
        List<String> lines = new ArrayList<>();
        for (Agreement a : single.subList(0, shown)) {
            StringBuilder line = new StringBuilder("• ").append(escape(capitalize(a.about()))).append(": **")
                    .append(escape(a.value())).append("** ").append(refs(a.sources()));
            if (all) {
                line.append(" — ").append(outlet(a.sources().get(0)));
            }
            lines.add(line.toString());
        }
        if (shown < single.size()) {
            lines.add("• … and " + (single.size() - shown) + " more");
        }
        return Optional.of(new Lines("Only one source says", lines));
    }

    private Lines sources() {
        List<String> lines = new ArrayList<>();
        for (Article a : story.articles()) {
            lines.add("[" + number.get(a.id()) + "] " + articleLine(a, true));
        }
        return new Lines("Sources", lines);
    }

    private Lines timeline() {
        List<Article> byTime = new ArrayList<>(story.articles());
        byTime.sort(Comparator.comparing(Article::published, Comparator.nullsLast(Comparator.naturalOrder())));
        boolean timed = byTime.stream().anyMatch(a -> a.published() != null);
        List<String> lines = new ArrayList<>();
        for (Article a : byTime) {
            lines.add((timed ? when(a) + " — " : "") + articleLine(a, false) + " [" + number.get(a.id()) + "]");
        }
        return new Lines(timed ? "Timeline" : "Outlets", lines);
    }

    private static String articleLine(Article a, boolean withTime) {
        String source = a.source().isBlank() ? a.id() : a.source();
        StringBuilder line = new StringBuilder("**").append(escape(source)).append("**");
        if (!a.title().isBlank() && !a.title().equals(a.source())) {
            line.append(" — ").append(DiscordMarkdown.link(escape(a.title()), a.url()));
        } else if (DiscordMarkdown.isWebUrl(a.url())) {
            line.append(" — ").append(DiscordMarkdown.link("link", a.url()));
        }
        if (withTime && a.published() != null) {
            line.append(" · ").append(when(a));
        }
        return line.toString();
    }

    private static String when(Article a) {
        return a.published() == null ? "time unknown" : "<t:" + a.published().getEpochSecond() + ":f>";
    }

    private String outlet(String articleId) {
        return story.articles().stream().filter(a -> a.id().equals(articleId)).findFirst()
                .map(a -> DiscordMarkdown.link(escape(a.source().isBlank() ? a.id() : a.source()), a.url()))
                .orElse("[" + number.getOrDefault(articleId, 0) + "]");
    }

    private String refs(List<String> ids) {
        return ids.stream().map(id -> "[" + number.getOrDefault(id, 0) + "]").collect(Collectors.joining());
    }

    private static String capitalize(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
