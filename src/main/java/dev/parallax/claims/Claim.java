package dev.parallax.claims;

/**
 * One claim of one article.
 *
 * @param articleId the article it comes from
 * @param kind      what sort of value it states
 * @param subject   what it is about, as an alignment key ("summit|participants", "arrive|putin")
 * @param about     the same for readers ("number of leaders at the summit")
 * @param value     the normalised value
 * @param surface   the words that state it ("about 20 leaders")
 * @param sentence  the sentence it stands in, quoted in the digest
 */
public record Claim(String articleId, ClaimKind kind, String subject, String about, ClaimValue value,
                    String surface, String sentence) {
}
