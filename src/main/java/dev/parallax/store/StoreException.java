package dev.parallax.store;

/** A database failure the caller cannot repair: wraps the SQLException with what was being done. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(Throwable cause) {
        super(cause.getMessage(), cause);
    }

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
