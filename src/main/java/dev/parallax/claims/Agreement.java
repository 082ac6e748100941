package dev.parallax.claims;

import java.util.List;

/** A value the sources agree on, with every article that states it and one quote per article. */
public record Agreement(String about, String value, List<String> sources, List<String> quotes) {
    public boolean singleSource() {
        return sources.size() == 1;
    }
}
