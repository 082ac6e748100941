package dev.parallax.claims;

/**
 * One claim of one article.
 *
 * @param articleId   the article it comes from
 * @param kind        what sort of value it states
 * @param subject     what it is about, as an alignment key ("count|summit|participants", "day|arriv|putin")
 * @param about       the same for readers ("number of leaders or countries at the summit")
 * @param value       the normalised value
 * @param surface     the words that state it ("about 20 leaders")
 * @param sentence    the sentence it stands in, quoted in the digest
 * @param singleValued whether the subject has one true value, so that two different values conflict:
 *                    a parade has one day, a three-day trial does not; only such claims can diverge
 * @param clear       whether {@code about} states the subject so that a reader knows what the value is of
 *                    ("day Putin praised relations with Moscow", not "day it show"); a claim no other
 *                    source backs is shown only when it is clear
 */
public record Claim(String articleId, ClaimKind kind, String subject, String about, ClaimValue value,
                    String surface, String sentence, boolean singleValued, boolean clear) {
    public Claim(String articleId, ClaimKind kind, String subject, String about, ClaimValue value, String surface,
                 String sentence, boolean singleValued) {
        this(articleId, kind, subject, about, value, surface, sentence, singleValued, true);
    }
}
