package dev.parallax.ingest.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CanonicalUrlTest {
    @Test
    @DisplayName("tracking parameters, fragments, default ports and host case go; real parameters stay in order")
    void strips() {
        assertThat(CanonicalUrl.of("HTTPS://News.Example:443/a/b?id=7&utm_source=rss&utm_medium=x&fbclid=1&page=2#top"))
                .contains("https://news.example/a/b?id=7&page=2");
        assertThat(CanonicalUrl.of("http://n.example:8080")).contains("http://n.example:8080/");
    }

    @Test
    @DisplayName("anything but an absolute http(s) URL has no canonical form")
    void rejects() {
        assertThat(CanonicalUrl.of("/relative")).isEmpty();
        assertThat(CanonicalUrl.of("mailto:a@b.example")).isEmpty();
        assertThat(CanonicalUrl.of("not a url at all %%")).isEmpty();
    }
}
