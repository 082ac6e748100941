package dev.parallax.claims;

/** How two values of one subject relate: both can be true, they cannot, or we cannot tell. */
public enum Relation {
    AGREE,
    CONFLICT,
    /** Not comparable ("yesterday" with no publish time against "Sunday"): never a divergence, never backing. */
    UNKNOWN
}
