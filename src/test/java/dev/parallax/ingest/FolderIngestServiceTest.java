package dev.parallax.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parallax.Seeds;
import dev.parallax.TestApp;
import dev.parallax.model.Article;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderIngestServiceTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("ingesting the same folder twice stores the seeds once")
    void idempotent() {
        try (TestApp app = new TestApp(dir)) {
            Path seeds = Seeds.copyTo(dir.resolve("seeds"));

            IngestReport first = app.ingest.ingest(List.of(seeds));
            IngestReport second = app.ingest.ingest(List.of(seeds));

            assertThat(first.added()).isEqualTo(5);
            assertThat(second.added()).isZero();
            assertThat(second.articleIds()).isEqualTo(first.articleIds());
            assertThat(app.articles.count()).isEqualTo(5);
        }
    }

    @Test
    @DisplayName("the same wire copy under another name is kept as one article, with a second sighting")
    void nearDuplicate() throws Exception {
        try (TestApp app = new TestApp(dir)) {
            Path seeds = Seeds.copyTo(dir.resolve("seeds"));
            String copy = Seeds.read("001") + "\nThis story was updated with reporting from the wires.";
            Files.writeString(seeds.resolve("005_wire_copy.txt"), copy);

            IngestReport report = app.ingest.ingest(List.of(seeds));

            assertThat(report.added()).isEqualTo(5);
            assertThat(report.nearDuplicates()).isEqualTo(1);
            assertThat(app.articles.count()).isEqualTo(5);
            assertThat(report.articleIds()).doesNotContain("005_wire_copy");
        }
    }

    @Test
    @DisplayName("a header block gives title, outlet, link and publish time; the body is cleaned")
    void headerBlock() throws Exception {
        try (TestApp app = new TestApp(dir)) {
            Path folder = Files.createDirectories(dir.resolve("in"));
            Files.writeString(folder.resolve("a.md"), """
                    ---
                    title: Port reopens after storm
                    source: Harbour Gazette
                    url: https://example.org/port
                    published: 2025-08-31T06:30:00Z
                    ---
                    Skip to content
                    The port reopened on **Monday** after a [storm](https://example.org/storm) closed it for two days.
                    Subscribe
                    """);

            String id = app.ingest.ingest(List.of(folder)).articleIds().get(0);
            Article a = app.articles.find(id).orElseThrow();

            assertThat(a.title()).isEqualTo("Port reopens after storm");
            assertThat(a.source()).isEqualTo("Harbour Gazette");
            assertThat(a.url()).isEqualTo("https://example.org/port");
            assertThat(a.published()).isEqualTo(Instant.parse("2025-08-31T06:30:00Z"));
            assertThat(a.body()).isEqualTo("The port reopened on Monday after a storm closed it for two days.");
        }
    }

    @Test
    @DisplayName("an HTML file gives its metadata and the text of the article element")
    void htmlFile() throws Exception {
        try (TestApp app = new TestApp(dir)) {
            Path file = dir.resolve("page.html");
            Files.writeString(file, """
                    <html><head><title>Site | Bridge opens</title>
                    <meta property="og:site_name" content="City Times">
                    <meta property="article:published_time" content="2025-08-30T10:00:00+02:00">
                    <link rel="canonical" href="https://example.org/bridge"></head>
                    <body><nav>Home News Sport</nav><article><h1>Bridge opens</h1>
                    <p>The new bridge opened to traffic on Saturday morning.</p>
                    <p>It links the two halves of the city for the first time in a decade.</p></article>
                    <footer>Copyright 2025</footer></body></html>
                    """);

            Article a = app.articles.find(app.ingest.ingest(List.of(file)).articleIds().get(0)).orElseThrow();

            assertThat(a.title()).isEqualTo("Bridge opens");
            assertThat(a.source()).isEqualTo("City Times");
            assertThat(a.url()).isEqualTo("https://example.org/bridge");
            assertThat(a.published()).isEqualTo(Instant.parse("2025-08-30T08:00:00Z"));
            assertThat(a.body()).isEqualTo("The new bridge opened to traffic on Saturday morning.\n"
                    + "It links the two halves of the city for the first time in a decade.");
        }
    }

    @Test
    @DisplayName("bad input fails with the path named and writes nothing")
    void badInput() throws Exception {
        try (TestApp app = new TestApp(dir)) {
            Path empty = Files.createDirectories(dir.resolve("empty"));
            Path seeds = Seeds.copyTo(dir.resolve("seeds"));
            Path binary = seeds.resolve("zz_broken.txt");
            Files.write(binary, new byte[] {(byte) 0xC3, (byte) 0x28, 'a', 'b'});

            assertThatThrownBy(() -> app.ingest.ingest(List.of(dir.resolve("missing"))))
                    .isInstanceOf(IngestException.class).hasMessageContaining("no such file or folder")
                    .hasMessageContaining("missing");
            assertThatThrownBy(() -> app.ingest.ingest(List.of(empty)))
                    .isInstanceOf(IngestException.class).hasMessageContaining("no .txt, .md or .html files");
            assertThatThrownBy(() -> app.ingest.ingest(List.of(seeds)))
                    .isInstanceOf(IngestException.class).hasMessageContaining("not valid UTF-8")
                    .hasMessageContaining("zz_broken.txt");
            assertThat(app.articles.count()).isZero();
            assertThat(new String(Files.readAllBytes(binary), StandardCharsets.ISO_8859_1)).hasSize(4);
        }
    }
}
