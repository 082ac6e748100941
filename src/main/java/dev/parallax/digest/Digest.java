package dev.parallax.digest;

import java.util.List;

/** The stories of one digest, most covered first. */
public record Digest(List<StoryBrief> stories) {
    public int articleCount() {
        return stories.stream().mapToInt(s -> s.articles().size()).sum();
    }
}
