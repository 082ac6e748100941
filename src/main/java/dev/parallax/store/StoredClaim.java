package dev.parallax.store;

/** A claim as the claims table holds it: every field already in its canonical text form. */
public record StoredClaim(String articleId, String kind, String subject, String value, String surface,
                          String sentence) {
}
