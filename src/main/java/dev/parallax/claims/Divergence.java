package dev.parallax.claims;

import java.util.List;

/** Sources that state values which cannot all be true, each value with its sources and quotes. */
public record Divergence(String about, List<Side> values) {
    /** One value and the articles that state it. */
    public record Side(String value, List<String> sources, List<String> quotes) {
    }
}
