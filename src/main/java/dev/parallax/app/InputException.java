package dev.parallax.app;

/** Bad command-line input: the message names the file and line; the command exits non-zero. */
final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InputException(String message) {
        super(message);
    }
}
