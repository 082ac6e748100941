package dev.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.store.StoryChange;
import dev.parallax.text.TermAnalyzer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Another instance's changes, replayed into a working set, steer the next decisions; nothing is decided again. */
class ChangeReplayTest {
    private final TermAnalyzer analyzer = new TermAnalyzer();

    @AfterEach
    void close() {
        analyzer.close();
    }

    @Test
    @DisplayName("a replayed move takes the article out of its story: the next report of that event follows it")
    void moveIsReplayed() {
        StoryClusterer clusterer = new StoryClusterer(ClusterSettings.defaults(), analyzer);
        ClusterDocument c1 = Articles.quakeChile("c1", 0, Articles.MONDAY);
        ClusterDocument t1 = Articles.quakeTurkey("t1", 0, Articles.MONDAY);
        ClusterDocument c2 = Articles.quakeChile("c2", 1, Articles.MONDAY);

        ChangeReplay.apply(List.of(new StoryChange.Assigned(1, "c1", "s-mixed"),
                new StoryChange.Assigned(2, "t1", "s-mixed"), new StoryChange.Assigned(3, "c2", "s-mixed"),
                new StoryChange.Moved(4, "t1", "s-turkey")), Map.of("c1", c1, "t1", t1, "c2", c2), clusterer);

        assertThat(clusterer.add(Articles.quakeTurkey("t2", 1, Articles.MONDAY)).storyId()).isEqualTo("s-turkey");
        assertThat(clusterer.drainRepairs()).isEmpty();
        assertThat(clusterer.activeStories()).isEqualTo(2);
    }

    @Test
    @DisplayName("a replayed merge folds one story into the other; replaying an assignment again changes nothing")
    void mergeIsReplayedAndRepeatsAreNoOps() {
        StoryClusterer clusterer = new StoryClusterer(ClusterSettings.defaults(), analyzer);
        ClusterDocument c1 = Articles.quakeChile("c1", 0, Articles.MONDAY);
        ClusterDocument c2 = Articles.quakeChile("c2", 1, Articles.MONDAY);
        List<StoryChange> changes = List.of(new StoryChange.Assigned(1, "c1", "s-a"),
                new StoryChange.Assigned(2, "c2", "s-b"), new StoryChange.Merged(3, "s-a", "s-b"));

        ChangeReplay.apply(changes, Map.of("c1", c1, "c2", c2), clusterer);
        ChangeReplay.apply(changes.subList(1, 2), Map.of("c2", c2), clusterer);

        assertThat(clusterer.activeStories()).isEqualTo(1);
        assertThat(clusterer.add(Articles.quakeChile("c3", 2, Articles.MONDAY)).storyId()).isEqualTo("s-b");
    }
}
