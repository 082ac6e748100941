package dev.parallax.digest;

import dev.parallax.claims.Agreement;
import dev.parallax.claims.Divergence;
import dev.parallax.model.Article;
import dev.parallax.summarize.SummarySentence;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The digest as Markdown: per story a headline, its sources, the summary, divergences, what the
 * sources agree on, and a few of the claims only one source makes.
 */
public final class MarkdownRenderer {
    // Single-source claims are many and each is weak evidence: a few, then a count.
    private static final int MAX_SINGLE_SOURCE = 5;
    private static final int MAX_VALUE_CHARS = 140;

    public String render(Digest digest) {
        StringBuilder out = new StringBuilder();
        out.append("# Parallax digest\n\n");
        out.append(digest.stories().size()).append(digest.stories().size() == 1 ? " story" : " stories")
                .append(" from ").append(digest.articleCount()).append(" articles.\n");
        for (StoryBrief story : digest.stories()) {
            out.append('\n');
            renderStory(story, out);
        }
        return out.toString();
    }

    public void renderStory(StoryBrief story, StringBuilder out) {
        Map<String, Integer> number = new HashMap<>();
        List<Article> articles = story.articles();
        for (int i = 0; i < articles.size(); i++) {
            number.put(articles.get(i).id(), i + 1);
        }
        String headline = story.headline().isBlank() ? "(untitled story)" : story.headline();
        out.append("## ").append(headline).append("\n\n");
        out.append("Story `").append(story.id()).append("`, ").append(articles.size())
                .append(articles.size() == 1 ? " source" : " sources").append(":\n");
        for (Article a : articles) {
            out.append("[").append(number.get(a.id())).append("] ").append(a.source());
            if (!a.title().isBlank() && !a.title().equals(a.source())) {
                out.append(": ").append(a.title());
            }
            if (a.published() != null) {
                out.append(" (").append(a.published()).append(')');
            }
            out.append('\n');
        }
        out.append("\n### Summary\n");
        for (SummarySentence s : story.summary()) {
            out.append("- ").append(s.text()).append(' ').append(refs(s.sources(), number)).append('\n');
        }
        if (!story.divergences().isEmpty()) {
            out.append("\n### Where sources diverge\n");
            for (Divergence d : story.divergences()) {
                out.append("- **").append(capitalize(d.about())).append("**\n");
                for (Divergence.Side side : d.values()) {
                    out.append("  - ").append(side.value()).append(' ').append(refs(side.sources(), number));
                    out.append(": “").append(side.quotes().get(0)).append("”\n");
                }
            }
        }
        List<Agreement> shared = story.sharedAgreements();
        List<Agreement> single = story.singleSourceClaims();
        if (!shared.isEmpty()) {
            out.append("\n### Sources agree\n");
            shared.forEach(a -> agreement(a, number, out));
        }
        if (!single.isEmpty()) {
            out.append("\n### Only one source says\n");
            single.stream().limit(MAX_SINGLE_SOURCE).forEach(a -> agreement(a, number, out));
            if (single.size() > MAX_SINGLE_SOURCE) {
                out.append("- … and ").append(single.size() - MAX_SINGLE_SOURCE).append(" more\n");
            }
        }
    }

    private static void agreement(Agreement a, Map<String, Integer> number, StringBuilder out) {
        out.append("- ").append(capitalize(a.about())).append(": ").append(shorten(a.value())).append(' ')
                .append(refs(a.sources(), number)).append('\n');
    }

    // A long quote reads as its start; the full words stay in the JSON.
    private static String shorten(String value) {
        if (value.length() <= MAX_VALUE_CHARS) {
            return value;
        }
        int cut = value.lastIndexOf(' ', MAX_VALUE_CHARS - 2);
        return value.substring(0, cut > 0 ? cut : MAX_VALUE_CHARS - 2) + " …”";
    }

    private static String refs(List<String> ids, Map<String, Integer> number) {
        return ids.stream().map(id -> "[" + number.getOrDefault(id, 0) + "]").collect(Collectors.joining());
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
