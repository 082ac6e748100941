package dev.parallax.cluster;

import java.util.List;

/** A correction to earlier assignments, made when later articles showed a story was wrong. */
public sealed interface StoryRepair {
    /** The articles now in {@code to}. */
    List<String> articleIds();

    String to();

    /** Two stories were one event: {@code from} was folded into {@code to}; {@code from} stays an alias of it. */
    record Merged(String from, String to, List<String> articleIds) implements StoryRepair {
        public Merged {
            articleIds = List.copyOf(articleIds);
        }
    }

    /** A story held two events: these articles left {@code from} for the new story {@code to}. */
    record Split(String from, String to, List<String> articleIds) implements StoryRepair {
        public Split {
            articleIds = List.copyOf(articleIds);
        }
    }
}
