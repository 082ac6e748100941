package dev.parallax.claims;

import java.util.List;

/** The outcome of comparing a story's claims: what the sources agree on and where they diverge. */
public record ClaimComparison(List<Agreement> agreements, List<Divergence> divergences) {
}
