package dev.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.Seeds;
import dev.parallax.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedClusteringTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("the five seeds form one story and an unrelated article forms its own")
    void seedsPlusUnrelated() throws Exception {
        try (TestApp app = new TestApp(dir)) {
            Path folder = Seeds.copyTo(dir.resolve("in"));
            Files.writeString(folder.resolve("900_floods.txt"), Seeds.UNRELATED_ARTICLE);
            List<String> ids = app.ingest.ingest(List.of(folder)).articleIds();

            Map<String, String> storyOf = app.clustering.cluster(ids);

            String seedStory = storyOf.get("000_67adb8930fa7d8e1");
            assertThat(ids.stream().filter(id -> !id.startsWith("900")).map(storyOf::get)).containsOnly(seedStory);
            assertThat(storyOf.get("900_floods")).isNotNull().isNotEqualTo(seedStory);
            assertThat(app.stories.count()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("clustering again assigns nothing new, and a later seed copy joins the existing story")
    void incremental() {
        try (TestApp app = new TestApp(dir)) {
            Path folder = Seeds.copyTo(dir.resolve("in"));
            List<String> ids = app.ingest.ingest(List.of(folder)).articleIds();
            Map<String, String> first = app.clustering.cluster(ids.subList(0, 3));

            Map<String, String> second = app.clustering.cluster(ids);

            assertThat(second).containsAllEntriesOf(first);
            assertThat(new HashSet<>(second.values())).hasSize(1);
        }
    }
}
