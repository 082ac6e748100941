package dev.parallax.chat.slack;

import dev.parallax.chat.CommandReply;
import dev.parallax.chat.Delivery;
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
import java.util.stream.Collectors;

/**
 * Digest messages and command replies as Block Kit. Each story lists its outlets as numbered
 * references ([1] links to the article) so summary lines, claims and quotes can cite them briefly.
 */
final class BlockKitRenderer {
    private static final int NOTIFICATION_TEXT = 300;
    // As in the Markdown digest: single-source claims are many and each is weak evidence, so a few, then a count.
    private static final int MAX_SINGLE_SOURCE = 5;

    private final BlockFitter fitter;

    BlockKitRenderer(BlockFitter fitter) {
        this.fitter = fitter;
    }

    List<SlackMessage> delivery(Delivery.Content content) {
        if (content instanceof Delivery.DigestHeader h) {
            return fitter.fit(h.title(), header(h));
        }
        if (content instanceof Delivery.Story s) {
            List<Piece> pieces = new ArrayList<>(story(s.brief()));
            pieces.add(new Piece.Buttons(s.brief().id()));
            return fitter.fit(notification(headline(s.brief())), pieces);
        }
        Delivery.FollowUp f = (Delivery.FollowUp) content;
        return fitter.fit(notification("Update: " + f.text()), List.of(
                new Piece.Section("*Update:* " + Mrkdwn.escape(f.text())),
                new Piece.Context("Story `" + f.storyId() + "`")));
    }

    List<SlackMessage> reply(CommandReply reply) {
        if (reply instanceof CommandReply.Message m) {
            return fitter.fit(notification(m.text()), List.of(new Piece.Section(Mrkdwn.escape(m.text()))));
        }
        if (reply instanceof CommandReply.Problem p) {
            return fitter.fit(notification(p.text()), List.of(new Piece.Section(":warning: " + Mrkdwn.escape(p.text()))));
        }
        if (reply instanceof CommandReply.StoryView v) {
            List<Piece> pieces = switch (v.focus()) {
                case OVERVIEW -> overview(v.story());
                case CLAIMS -> claims(v.story());
                case SOURCES -> sources(v.story());
            };
            return fitter.fit(notification(headline(v.story())), pieces);
        }
        if (reply instanceof CommandReply.DigestView d) {
            return fitter.fit(d.title(), digest(d));
        }
        CommandReply.SearchResults r = (CommandReply.SearchResults) reply;
        return fitter.fit(notification("Search: " + r.query()), search(r));
    }

    private static List<Piece> header(Delivery.DigestHeader h) {
        StringBuilder lines = new StringBuilder();
        for (Delivery.StoryLine line : h.stories()) {
            lines.append(lines.isEmpty() ? "" : "\n").append("• ").append(Mrkdwn.bold(orUntitled(line.headline())))
                    .append(" · ").append(Mrkdwn.count(line.outlets(), "outlet", "outlets"));
            if (line.divergences() > 0) {
                lines.append(" · ").append(Mrkdwn.count(line.divergences(), "divergence", "divergences"));
            }
            lines.append(" · `").append(line.storyId()).append('`');
        }
        List<Piece> pieces = new ArrayList<>();
        pieces.add(new Piece.Header(h.title()));
        if (!lines.isEmpty()) {
            pieces.add(new Piece.Section(lines.toString()));
        }
        pieces.add(new Piece.Context("Each story follows in this thread, with where its sources differ."));
        return pieces;
    }

    // The digest's thread message for one story: summary, divergences, agreements, sources.
    private static List<Piece> story(StoryBrief s) {
        Refs refs = new Refs(s.articles());
        List<Piece> pieces = new ArrayList<>();
        pieces.add(new Piece.Header(headline(s)));
        pieces.add(new Piece.Context(about(s)));
        if (!s.summary().isEmpty()) {
            StringBuilder text = new StringBuilder("*Summary*");
            for (SummarySentence sentence : s.summary()) {
                text.append("\n• ").append(Mrkdwn.escape(sentence.text())).append(' ').append(refs.of(sentence.sources()));
            }
            pieces.add(new Piece.Section(text.toString()));
        }
        boolean first = true;
        for (Divergence d : s.divergences()) {
            StringBuilder text = new StringBuilder(first ? "*Where sources differ*\n" : "");
            text.append(Mrkdwn.bold(Mrkdwn.capitalize(d.about())));
            for (Divergence.Side side : d.values()) {
                text.append("\n• ").append(Mrkdwn.escape(side.value())).append(' ').append(refs.of(side.sources()));
                if (!side.quotes().isEmpty()) {
                    text.append(": “").append(Mrkdwn.escape(side.quotes().get(0))).append('”');
                }
            }
            pieces.add(new Piece.Section(text.toString()));
            first = false;
        }
        if (!s.sharedAgreements().isEmpty()) {
            StringBuilder text = new StringBuilder("*Sources agree*");
            for (Agreement a : s.sharedAgreements()) {
                text.append("\n• ").append(Mrkdwn.escape(Mrkdwn.capitalize(a.about()))).append(": ")
                        .append(Mrkdwn.escape(a.value())).append(' ').append(refs.of(a.sources()));
            }
            pieces.add(new Piece.Section(text.toString()));
        }
        List<Agreement> single = s.singleSourceClaims();
        if (!single.isEmpty()) {
            StringBuilder text = new StringBuilder("*Only one source says*");
            for (Agreement a : single.subList(0, Math.min(single.size(), MAX_SINGLE_SOURCE))) {
                text.append("\n• ").append(Mrkdwn.escape(Mrkdwn.capitalize(a.about()))).append(": ")
                        .append(Mrkdwn.escape(a.value())).append(' ').append(refs.of(a.sources()));
            }
            if (single.size() > MAX_SINGLE_SOURCE) {
                text.append("\n• … and ").append(single.size() - MAX_SINGLE_SOURCE).append(" more");
            }
            pieces.add(new Piece.Section(text.toString()));
        }
        pieces.add(new Piece.Context(refs.legend()));
        return pieces;
    }

    private static List<Piece> overview(StoryBrief s) {
        List<Piece> pieces = new ArrayList<>(story(s));
        Refs refs = new Refs(s.articles());
        List<Article> dated = s.articles().stream().filter(a -> a.published() != null)
                .sorted(Comparator.comparing(Article::published)).toList();
        if (!dated.isEmpty()) {
            StringBuilder text = new StringBuilder("*Timeline*");
            for (Article a : dated) {
                text.append("\n• ").append(Mrkdwn.date(a.published())).append(' ').append(refs.ref(a.id()))
                        .append(' ').append(Mrkdwn.escape(outlet(a)));
                if (!a.title().isBlank() && !a.title().equals(a.source())) {
                    text.append(": ").append(Mrkdwn.escape(a.title()));
                }
            }
            pieces.add(new Piece.Section(text.toString()));
        }
        pieces.add(new Piece.Buttons(s.id()));
        return pieces;
    }

    private static List<Piece> claims(StoryBrief s) {
        Refs refs = new Refs(s.articles());
        List<Piece> pieces = new ArrayList<>();
        pieces.add(new Piece.Header(headline(s)));
        pieces.add(new Piece.Context("Where sources differ · " + about(s)));
        if (s.divergences().isEmpty()) {
            pieces.add(new Piece.Section("The sources do not contradict each other on any date, number or place"
                    + " that could be compared."));
        }
        for (Divergence d : s.divergences()) {
            StringBuilder text = new StringBuilder(Mrkdwn.bold(Mrkdwn.capitalize(d.about())));
            for (Divergence.Side side : d.values()) {
                text.append("\n• ").append(Mrkdwn.bold(side.value())).append(" · ")
                        .append(Mrkdwn.count(side.sources().size(), "source", "sources"));
                for (int i = 0; i < side.quotes().size(); i++) {
                    String source = i < side.sources().size() ? side.sources().get(i) : null;
                    text.append("\n> “").append(Mrkdwn.escape(side.quotes().get(i))).append('”');
                    if (source != null) {
                        text.append(" ").append(refs.named(source));
                    }
                }
            }
            pieces.add(new Piece.Section(text.toString()));
        }
        if (!s.sharedAgreements().isEmpty()) {
            StringBuilder text = new StringBuilder("*Sources agree*");
            for (Agreement a : s.sharedAgreements()) {
                text.append("\n• ").append(Mrkdwn.escape(Mrkdwn.capitalize(a.about()))).append(": ")
                        .append(Mrkdwn.bold(a.value())).append(" · ")
                        .append(Mrkdwn.count(a.sources().size(), "source", "sources")).append(' ')
                        .append(refs.of(a.sources()));
            }
            pieces.add(new Piece.Section(text.toString()));
        }
        if (!s.singleSourceClaims().isEmpty()) {
            // Asked for the claims, the reader gets all of them; each line is short, the fitter splits.
            StringBuilder text = new StringBuilder("*Only one source says*");
            for (Agreement a : s.singleSourceClaims()) {
                text.append("\n• ").append(Mrkdwn.escape(Mrkdwn.capitalize(a.about()))).append(": ")
                        .append(Mrkdwn.bold(a.value())).append(' ').append(refs.named(a.sources().get(0)));
            }
            pieces.add(new Piece.Section(text.toString()));
        }
        pieces.add(new Piece.Context(refs.legend()));
        return pieces;
    }

    private static List<Piece> sources(StoryBrief s) {
        Refs refs = new Refs(s.articles());
        StringBuilder text = new StringBuilder();
        for (Article a : s.articles()) {
            text.append(text.isEmpty() ? "" : "\n").append(refs.ref(a.id())).append(' ').append(Mrkdwn.bold(outlet(a)));
            if (!a.title().isBlank()) {
                text.append(": ").append(Mrkdwn.link(a.url(), a.title()));
            }
            if (a.published() != null) {
                text.append(" · ").append(Mrkdwn.date(a.published()));
            }
        }
        return List.of(new Piece.Header(headline(s)),
                new Piece.Context("Sources · " + about(s)),
                new Piece.Section(text.toString()));
    }

    private static List<Piece> digest(CommandReply.DigestView d) {
        List<Piece> pieces = new ArrayList<>();
        pieces.add(new Piece.Header(d.title()));
        for (StoryBrief s : d.digest().stories()) {
            pieces.add(new Piece.Divider());
            StringBuilder text = new StringBuilder(Mrkdwn.bold(headline(s))).append('\n').append(about(s));
            if (!s.summary().isEmpty()) {
                text.append('\n').append(Mrkdwn.escape(s.summary().get(0).text()));
            }
            pieces.add(new Piece.Section(text.toString()));
            pieces.add(new Piece.Buttons(s.id()));
        }
        return pieces;
    }

    private static List<Piece> search(CommandReply.SearchResults r) {
        List<Piece> pieces = new ArrayList<>();
        if (r.hits().isEmpty()) {
            pieces.add(new Piece.Section("Nothing matches “" + Mrkdwn.escape(r.query()) + "”. Try fewer or other words."));
            return pieces;
        }
        pieces.add(new Piece.Context("Stories matching “" + Mrkdwn.escape(r.query()) + "”, best first"));
        for (CommandReply.StoryHit hit : r.hits()) {
            StringBuilder text = new StringBuilder(Mrkdwn.bold(orUntitled(hit.headline()))).append("\n`")
                    .append(hit.storyId()).append("` · ").append(Mrkdwn.count(hit.outlets(), "outlet", "outlets"));
            if (!hit.snippet().isBlank()) {
                text.append("\n_").append(Mrkdwn.escape(hit.snippet().replace('\n', ' ').strip())).append('_');
            }
            pieces.add(new Piece.Section(text.toString()));
        }
        return pieces;
    }

    private static String about(StoryBrief s) {
        String text = "Story `" + s.id() + "` · " + Mrkdwn.count(s.articles().size(), "outlet", "outlets");
        return s.divergences().isEmpty() ? text
                : text + " · " + Mrkdwn.count(s.divergences().size(), "divergence", "divergences");
    }

    private static String headline(StoryBrief s) {
        return orUntitled(s.headline());
    }

    private static String orUntitled(String headline) {
        return headline == null || headline.isBlank() ? "(untitled story)" : headline;
    }

    private static String outlet(Article a) {
        return a.source().isBlank() ? a.id() : a.source();
    }

    // Notification text only (what a phone shows); the blocks carry the whole message.
    private static String notification(String text) {
        String t = text.replace('\n', ' ');
        return t.length() <= NOTIFICATION_TEXT ? t : t.substring(0, NOTIFICATION_TEXT - 1) + "…";
    }

    /** Numbered references to a story's articles, [1] linking to the first article. */
    private static final class Refs {
        private final List<Article> articles;
        private final Map<String, Integer> number = new HashMap<>();

        Refs(List<Article> articles) {
            this.articles = articles;
            for (int i = 0; i < articles.size(); i++) {
                number.putIfAbsent(articles.get(i).id(), i + 1);
            }
        }

        String ref(String articleId) {
            Integer n = number.get(articleId);
            if (n == null) {
                return "[?]";
            }
            return Mrkdwn.link(articles.get(n - 1).url(), "[" + n + "]");
        }

        String of(List<String> articleIds) {
            return articleIds.stream().map(this::ref).collect(Collectors.joining());
        }

        /** "[2] Reuters", for quotes. */
        String named(String articleId) {
            Integer n = number.get(articleId);
            return n == null ? "" : "— " + ref(articleId) + " " + Mrkdwn.escape(outlet(articles.get(n - 1)));
        }

        String legend() {
            List<String> parts = new ArrayList<>();
            for (Article a : articles) {
                parts.add("[" + number.get(a.id()) + "] " + Mrkdwn.link(a.url(), outlet(a)));
            }
            return String.join(" · ", parts);
        }
    }
}
