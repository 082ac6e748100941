package dev.parallax.claims;

/** What sort of value a claim states; only claims of the same kind are ever compared. */
public enum ClaimKind {
    WEEKDAY, YEAR, COUNT, MONEY, PERCENT, DURATION, ORDINAL, PLACE
}
