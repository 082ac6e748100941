package dev.parallax.claims;

import dev.parallax.model.Article;
import dev.parallax.text.PosTagger;
import dev.parallax.text.SentenceSplitter;
import dev.parallax.text.Token;
import dev.parallax.text.WordTokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Extracts the claims of a story's articles: dates (weekdays, relative and calendar dates, years),
 * counts with their noun, money, percentages, lengths ("four-day"), ordinals ("80th anniversary"),
 * places and attributed quotes, each tied to the event it belongs to. Extraction is per story
 * because places are recognised from the way the whole story uses a name ("in Beijing" somewhere
 * makes "the Beijing summit" a place; "Las Vegas, Nevada" puts Las Vegas within Nevada).
 */
public final class ClaimExtractor {
    private final SentenceSplitter splitter;
    private final PosTagger tagger;
    private final AnchorFinder anchors = new AnchorFinder();
    private final DateClaims dates = new DateClaims(anchors);
    private final MeasureClaims measures = new MeasureClaims(anchors);
    private final CountClaims counts = new CountClaims(anchors);
    private final QuoteClaims quotes = new QuoteClaims();

    public ClaimExtractor(SentenceSplitter splitter, PosTagger tagger) {
        this.splitter = splitter;
        this.tagger = tagger;
    }

    /** All claims of all the articles, in article and sentence order. */
    public List<Claim> extract(List<Article> articles) {
        List<SentenceView> sentences = new ArrayList<>();
        for (Article article : articles) {
            DateResolver resolver = new DateResolver(article.published());
            SentenceView previous = null;
            for (String text : splitter.split(article.body())) {
                List<Token> tokens = WordTokenizer.tokenize(text);
                if (tokens.isEmpty()) {
                    continue;
                }
                previous = new SentenceView(article.id(), text, tokens, tagger, previous, resolver);
                sentences.add(previous);
            }
        }
        PlaceClaims places = PlaceClaims.of(sentences, anchors);
        List<Claim> claims = new ArrayList<>();
        for (SentenceView s : sentences) {
            int first = claims.size();
            boolean[] used = new boolean[s.size()];
            for (int i = 0; i < s.size(); i++) {
                if (!used[i]) {
                    int taken = dates.at(s, i, claims);
                    if (taken == 0) {
                        taken = measures.at(s, i, claims);
                    }
                    if (taken == 0) {
                        places.at(s, i, claims);
                    }
                    for (int k = i; k < Math.min(s.size(), i + taken); k++) {
                        used[k] = true;
                    }
                }
            }
            counts.in(s, used, claims);
            inQuotes(s.text, claims.subList(first, claims.size()));
            quotes.in(s, claims);
        }
        return claims;
    }

    // A date or number inside someone's quoted words is theirs, said when they said it ("today and
    // tomorrow"): the quote itself carries it, so alone it is not stated as the article's own claim.
    private static void inQuotes(String sentence, List<Claim> found) {
        for (int i = 0; i < found.size(); i++) {
            Claim c = found.get(i);
            int at = sentence.indexOf(c.surface());
            if (c.clear() && at >= 0 && quotedAt(sentence, at)) {
                found.set(i, new Claim(c.articleId(), c.kind(), c.subject(), c.about(), c.value(), c.surface(),
                        c.sentence(), c.singleValued(), false));
            }
        }
    }

    private static boolean quotedAt(String sentence, int at) {
        int open = sentence.lastIndexOf('“', at);
        int close = sentence.lastIndexOf('”', at);
        if (open >= 0 && open > close) {
            return true;
        }
        long straight = sentence.substring(0, at).chars().filter(ch -> ch == '"').count();
        return straight % 2 == 1;
    }

    static Claim claim(SentenceView s, ClaimKind kind, String subject, String about, ClaimValue value, String surface,
                       boolean singleValued) {
        return claim(s, kind, subject, about, value, surface, singleValued, true);
    }

    static Claim claim(SentenceView s, ClaimKind kind, String subject, String about, ClaimValue value, String surface,
                       boolean singleValued, boolean clear) {
        return new Claim(s.articleId, kind, subject, about, value, surface, s.text, singleValued, clear);
    }

    static String qualifier(Anchor a) {
        return a.qualifier().isEmpty() ? "" : "+with:" + a.qualifier();
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
