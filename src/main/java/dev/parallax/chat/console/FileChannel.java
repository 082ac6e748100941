package dev.parallax.chat.console;

import dev.parallax.chat.ChatPlatform;
import dev.parallax.chat.Delivery;
import dev.parallax.chat.DeliveryResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Writes each delivery as a Markdown file into the channel's folder (the address), named after
 * its idempotency key, atomically: a file that exists was delivered, so a retry never duplicates.
 */
public final class FileChannel implements ChatPlatform {
    private final DeliveryMarkdown markdown = new DeliveryMarkdown();

    @Override
    public String name() {
        return "file";
    }

    @Override
    public DeliveryResult deliver(Delivery delivery) {
        Path folder = Path.of(delivery.channel().address());
        Path file = fileFor(delivery);
        try {
            Files.createDirectories(folder);
            if (Files.exists(file)) {
                return new DeliveryResult.Delivered(file.getFileName().toString());
            }
            Path tmp = Files.createTempFile(folder, ".parallax-", ".tmp");
            Files.writeString(tmp, markdown.render(delivery), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return new DeliveryResult.Delivered(file.getFileName().toString());
        } catch (IOException e) {
            // A file where the folder should be will never work; anything else may pass (disk full, NFS).
            return Files.exists(folder) && !Files.isDirectory(folder)
                    ? new DeliveryResult.Permanent("not a folder: " + folder)
                    : new DeliveryResult.RetryLater(null, "cannot write " + file + ": " + e.getMessage());
        }
    }

    @Override
    public Optional<String> findDelivered(Delivery delivery) {
        Path file = fileFor(delivery);
        return Files.exists(file) ? Optional.of(file.getFileName().toString()) : Optional.empty();
    }

    // Sortable by digest period, then header before stories; unique per key: "20250901T080000Z-header-1a2b3c.md".
    private static Path fileFor(Delivery delivery) {
        String key = delivery.idempotencyKey();
        String[] parts = key.split("\\|");
        String period = parts.length > 1 ? parts[1].replaceAll("[^0-9TZ]", "") : "";
        String kind = parts.length > 2 ? parts[2].replaceAll("[^a-z]", "") : "message";
        return Path.of(delivery.channel().address()).resolve(period + "-" + kind + "-" + shortHash(key) + ".md");
    }

    private static String shortHash(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
