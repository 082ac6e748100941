package dev.parallax.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parallax.text.PosTagger;
import dev.parallax.text.SentenceSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The divergences and non-divergences read and judged by hand on the NeuS val file, kept as
 * line numbers and expected values (src/test/resources/claims/neus-val-regression.tsv). The
 * file itself is benchmark data outside the repository; without it the test is skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeusDivergenceRegressionTest {
    private record Expectation(int line, String expect, String about, List<String> values, String why) {
    }

    private final List<Expectation> expectations = new ArrayList<>();
    private final Map<Integer, ClaimComparison> byLine = new LinkedHashMap<>();

    @BeforeAll
    void compareEveryStory() throws IOException {
        Path source = NeusLines.source();
        assumeTrue(Files.isRegularFile(source), "NeuS val data not found at " + source.toAbsolutePath()
                + " (set -Dparallax.shared=/path/to/shared); skipping the NeuS divergence regression set");
        try (InputStream in = getClass().getResourceAsStream("/claims/neus-val-regression.tsv")) {
            for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (row.isBlank() || row.startsWith("#")) {
                    continue;
                }
                String[] f = row.split("\t", -1);
                List<String> values = f[3].isBlank() ? List.of() : Arrays.stream(f[3].split(" \\| ")).toList();
                expectations.add(new Expectation(Integer.parseInt(f[0]), f[1], f[2], values, f[4]));
            }
        }
        ClaimExtractor extractor = new ClaimExtractor(new SentenceSplitter(), new PosTagger());
        ClaimComparer comparer = new ClaimComparer();
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                byLine.put(i + 1, comparer.compare(extractor.extract(NeusLines.articles(lines.get(i)))));
            }
        }
    }

    @Test
    @DisplayName("every divergence confirmed by hand is found, with exactly its values")
    void confirmedDivergences() {
        for (Expectation e : of("divergence")) {
            assertThat(byLine.get(e.line).divergences()).as("line %d: %s", e.line, e.why)
                    .anySatisfy(d -> {
                        assertThat(d.about()).isEqualTo(e.about);
                        assertThat(d.values()).extracting(Divergence.Side::value)
                                .containsExactlyInAnyOrderElementsOf(e.values);
                        assertThat(d.values()).allSatisfy(side -> assertThat(side.quotes()).hasSameSizeAs(side.sources()));
                    });
        }
    }

    @Test
    @DisplayName("no divergence anywhere in the file except the confirmed ones (precision first)")
    void nothingElseDiverges() {
        Set<Integer> confirmed = of("divergence").stream().map(Expectation::line).collect(Collectors.toSet());
        Set<Integer> reported = new TreeSet<>();
        byLine.forEach((line, c) -> {
            if (!c.divergences().isEmpty()) {
                reported.add(line);
            }
        });

        assertThat(reported).as("stories with divergences").containsExactlyInAnyOrderElementsOf(confirmed);
    }

    @Test
    @DisplayName("the hand-judged non-divergences stay silent")
    void judgedNonDivergences() {
        for (Expectation e : of("none")) {
            assertThat(byLine.get(e.line).divergences()).as("line %d: %s", e.line, e.why).isEmpty();
        }
    }

    @Test
    @DisplayName("values that only look different (rounding, ranges, 'including the gunman') agree")
    void agreements() {
        for (Expectation e : of("agreement")) {
            assertThat(byLine.get(e.line).agreements()).as("line %d: %s", e.line, e.why)
                    .anySatisfy(a -> {
                        assertThat(a.about()).isEqualTo(e.about);
                        assertThat(a.singleSource()).isFalse();
                        assertThat(e.values).contains(a.value());
                    });
            assertThat(byLine.get(e.line).divergences()).as("line %d", e.line)
                    .noneSatisfy(d -> assertThat(d.about()).isEqualTo(e.about));
        }
    }

    private List<Expectation> of(String expect) {
        List<Expectation> out = expectations.stream().filter(e -> e.expect.equals(expect)).toList();
        assertThat(out).as("regression rows of kind " + expect).isNotEmpty();
        return out;
    }
}
