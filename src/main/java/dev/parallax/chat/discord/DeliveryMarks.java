package dev.parallax.chat.discord;

import dev.parallax.chat.discord.DiscordMessage.Embed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The idempotency key a delivered message carries, so that after a crash between posting and
 * recording we can find it in the channel instead of posting it twice (Discord keeps no metadata
 * of ours and gives a nonce back only at once). The key travels as a short hash with the part
 * number, in the last embed's footer, or in a small subtext line under plain content:
 * "Parallax · 2/3 · ref 0123456789abcdef" ("Parallax · ref ..." for a one-message delivery).
 */
final class DeliveryMarks {
    /** Room the renderer leaves for a mark in every delivery message, in embed and in content chars. */
    static final int ROOM = 64;

    private static final String SUBTEXT = "\n-# ";
    private static final Pattern MARK = Pattern.compile("Parallax · (?:(\\d{1,4})/(\\d{1,4}) · )?ref ([0-9a-f]{16})$");

    /** One mark as read back: whose delivery (its key's token), and which part of how many. */
    record Mark(String token, int part, int parts) {
    }

    private DeliveryMarks() {
    }

    static String token(String idempotencyKey) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The parts of a delivery, each carrying the key's mark. */
    static List<DiscordMessage> mark(List<DiscordMessage> parts, String idempotencyKey) {
        String token = token(idempotencyKey);
        List<DiscordMessage> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String text = "Parallax · " + (parts.size() > 1 ? (i + 1) + "/" + parts.size() + " · " : "") + "ref " + token;
            DiscordMessage m = parts.get(i);
            if (m.embeds().isEmpty()) {
                out.add(m.withContent(m.content() + SUBTEXT + text));
            } else {
                List<Embed> embeds = new ArrayList<>(m.embeds());
                embeds.set(embeds.size() - 1, embeds.get(embeds.size() - 1).withFooter(text));
                out.add(m.withEmbeds(embeds));
            }
        }
        return out;
    }

    /** The mark in an embed footer or in a message's content (its last line), if there is one. */
    static Optional<Mark> read(String footerOrContent) {
        if (footerOrContent == null) {
            return Optional.empty();
        }
        Matcher m = MARK.matcher(footerOrContent.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        int part = m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
        int parts = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        return part >= 1 && part <= parts ? Optional.of(new Mark(m.group(3), part - 1, parts)) : Optional.empty();
    }
}
