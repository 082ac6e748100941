package dev.parallax.claims;

import dev.parallax.model.Article;
import dev.parallax.text.PosTagger;
import dev.parallax.text.SentenceSplitter;
import java.time.Instant;
import java.util.List;

/** Small hand-written articles run through the real extractor and comparer. */
final class ClaimsFixture {
    static final ClaimExtractor EXTRACTOR = new ClaimExtractor(new SentenceSplitter(), new PosTagger());
    static final ClaimComparer COMPARER = new ClaimComparer();

    private ClaimsFixture() {
    }

    static Article article(String id, String body) {
        return new Article(id, "Outlet " + id, "", "", null, body);
    }

    static Article article(String id, Instant published, String body) {
        return new Article(id, "Outlet " + id, "", "", published, body);
    }

    static List<Claim> claims(Article... articles) {
        return EXTRACTOR.extract(List.of(articles));
    }

    static ClaimComparison compare(Article... articles) {
        return COMPARER.compare(claims(articles));
    }

    static List<Claim> of(List<Claim> claims, ClaimKind kind) {
        return claims.stream().filter(c -> c.kind() == kind).toList();
    }
}
