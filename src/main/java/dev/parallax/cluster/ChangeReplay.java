package dev.parallax.cluster;

import dev.parallax.store.StoryChange;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Replays stored changes to story membership into a clusterer's working set, in their order, as they
 * were made: what another instance decided is taken as it stands, never decided again.
 */
final class ChangeReplay {
    private ChangeReplay() {
    }

    /** {@code documents} holds the articles the changes name; an article no longer stored is passed over. */
    static void apply(List<StoryChange> changes, Map<String, ClusterDocument> documents, StoryClusterer clusterer) {
        for (StoryChange change : changes) {
            if (change instanceof StoryChange.Assigned a && documents.containsKey(a.articleId())) {
                clusterer.addKnown(documents.get(a.articleId()), a.storyId());
            } else if (change instanceof StoryChange.Merged m) {
                clusterer.mergeKnown(m.fromId(), m.intoId());
            } else if (change instanceof StoryChange.Moved m && documents.containsKey(m.articleId())) {
                clusterer.moveKnown(documents.get(m.articleId()), m.storyId());
            }
        }
    }

    /** The articles the changes name. */
    static List<String> articleIds(List<StoryChange> changes) {
        return changes.stream().map(c -> c instanceof StoryChange.Assigned a ? a.articleId()
                : c instanceof StoryChange.Moved m ? m.articleId() : null)
                .filter(Objects::nonNull).distinct().toList();
    }
}
