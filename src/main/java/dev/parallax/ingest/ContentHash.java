package dev.parallax.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 of an article's normalised text: equal for copies that differ only in case or spacing. */
public final class ContentHash {
    private ContentHash() {
    }

    public static String of(String title, String body) {
        String normal = (title + "\n" + body).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
