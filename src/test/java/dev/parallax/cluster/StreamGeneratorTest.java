package dev.parallax.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StreamGeneratorTest {
    @Test
    @DisplayName("replays get fresh ids and publish times a week later, spread over the span")
    void replays() {
        List<ClusterDocument> source = List.of(new ClusterDocument("a", "", "one", null),
                new ClusterDocument("b", "", "two", null));
        Instant start = Instant.parse("2024-01-01T00:00:00Z");

        List<ClusterDocument> out = StreamGenerator.generate(source, 5, start, Duration.ofHours(10));

        assertThat(out).extracting(ClusterDocument::id).containsExactly("a~0", "b~0", "a~1", "b~1", "a~2");
        assertThat(out).extracting(ClusterDocument::published).containsExactly(start, start.plusSeconds(5 * 3600),
                start.plus(Duration.ofDays(7)), start.plus(Duration.ofDays(7)).plusSeconds(5 * 3600),
                start.plus(Duration.ofDays(14)));
        assertThat(out.get(2).text()).isEqualTo("one");
    }
}
