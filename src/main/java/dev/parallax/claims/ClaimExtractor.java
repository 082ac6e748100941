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
            quotes.in(s, claims);
        }
        return claims;
    }

    static Claim claim(SentenceView s, ClaimKind kind, String subject, String about, ClaimValue value, String surface,
                       boolean singleValued) {
        return new Claim(s.articleId, kind, subject, about, value, surface, s.text, singleValued);
    }

    static String qualifier(Anchor a) {
        return a.qualifier().isEmpty() ? "" : "+with:" + a.qualifier();
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
