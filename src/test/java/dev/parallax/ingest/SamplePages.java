package dev.parallax.ingest;

/** Article text the web-source tests serve from their local site. */
final class SamplePages {
    /** Three paragraphs of one news story, long enough for the page extractor to keep as an article. */
    static final String HARBOUR_STORY = """
            <p>The harbour authority closed the northern port on Sunday after the storm surge flooded the quay,
            officials said, adding that no injuries had been reported by the evening.</p>
            <p>Fishing boats were moved to the southern basin, and the ferry to the islands was cancelled until
            further notice, according to a statement from the operator published on its website.</p>
            <p>Engineers expect to inspect the sea wall on Monday morning before deciding when the port can reopen
            to commercial traffic, the authority said in its latest update.</p>""";

    private SamplePages() {
    }
}
