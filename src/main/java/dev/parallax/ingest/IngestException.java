package dev.parallax.ingest;

/** Input that cannot be ingested: a missing path, an unreadable file, a folder with no articles. */
public final class IngestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
