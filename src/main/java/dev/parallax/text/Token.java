package dev.parallax.text;

/** A word or punctuation mark with its character span in the sentence. */
public record Token(String text, int start, int end) {
    public String lower() {
        return text.toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isCapitalized() {
        return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
    }

    public boolean isWord() {
        return !text.isEmpty() && Character.isLetterOrDigit(text.codePointAt(0));
    }
}
