package dev.parallax.claims;

/** What sort of value a claim states; only claims of the same kind are ever compared. */
public enum ClaimKind {
    /** A day: a weekday, a relative date ("last week") or a calendar date, resolved when the publish time is known. */
    DATE,
    YEAR,
    COUNT,
    MONEY,
    PERCENT,
    DURATION,
    ORDINAL,
    PLACE,
    /** Words in quotation marks and who said them; carried by one or more outlets, never a divergence. */
    QUOTE
}
