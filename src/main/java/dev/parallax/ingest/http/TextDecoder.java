package dev.parallax.ingest.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a body into text with the right charset: a byte-order mark first, then the HTTP header's
 * charset, then the document's own declaration (XML prolog or HTML meta), then UTF-8 when the bytes
 * are valid UTF-8, else windows-1252 (what browsers assume for undeclared Western pages). Bytes
 * that do not fit the chosen charset become U+FFFD, with a warning, never an error.
 */
public final class TextDecoder {
    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([\\w.:-]+)");
    private static final Pattern XML_ENCODING = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([\\w.:-]+)[\"']");
    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+charset\\s*=\\s*[\"']?([\\w.:-]+)");
    private static final int SNIFF_BYTES = 4096;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The text, the charset used, and a warning when bytes had to be replaced or a declaration was wrong. */
    public record Decoded(String text, Charset charset, Optional<String> warning) {
    }

    private TextDecoder() {
    }

    public static Decoded decode(byte[] body, String contentType) {
        int bomLength = 0;
        Charset charset = null;
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            bomLength = 3;
        } else if (startsWith(body, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bomLength = 2;
        } else if (startsWith(body, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            bomLength = 2;
        }
        String declaredBy = "byte-order mark";
        if (charset == null) {
            charset = named(match(HEADER_CHARSET, contentType == null ? "" : contentType));
            declaredBy = "Content-Type header";
        }
        if (charset == null) {
            String head = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
            String declared = match(XML_ENCODING, head);
            charset = named(declared != null ? declared : match(META_CHARSET, head));
            declaredBy = "document's declaration";
        }
        ByteBuffer bytes = ByteBuffer.wrap(body, bomLength, body.length - bomLength);
        if (charset == null) {
            Optional<String> strict = strictUtf8(bytes.duplicate());
            return strict.map(s -> new Decoded(s, StandardCharsets.UTF_8, Optional.<String>empty()))
                    .orElseGet(() -> new Decoded(WINDOWS_1252.decode(bytes).toString(), WINDOWS_1252,
                            Optional.of("no charset declared and not UTF-8; read as windows-1252")));
        }
        if (charset.equals(StandardCharsets.UTF_8)) {
            Optional<String> strict = strictUtf8(bytes.duplicate());
            if (strict.isPresent()) {
                return new Decoded(strict.get(), charset, Optional.empty());
            }
            return new Decoded(StandardCharsets.UTF_8.decode(bytes).toString(), charset,
                    Optional.of("bytes that are not UTF-8 (as the " + declaredBy + " says) were replaced"));
        }
        return new Decoded(charset.decode(bytes).toString(), charset, Optional.empty());
    }

    private static Optional<String> strictUtf8(ByteBuffer bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    // Latin-1 labels mean windows-1252 in practice (the WHATWG encoding standard says so too).
    private static Charset named(String name) {
        if (name == null) {
            return null;
        }
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")
                || n.equals("iso8859-1") || n.equals("l1")) {
            return WINDOWS_1252;
        }
        if (n.equals("utf8")) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static String match(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : null;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
