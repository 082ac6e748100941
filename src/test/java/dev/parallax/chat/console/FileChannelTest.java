package dev.parallax.chat.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parallax.chat.ChannelRef;
import dev.parallax.chat.Delivery;
import dev.parallax.chat.DeliveryResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileChannelTest {
    @TempDir
    Path dir;

    private Delivery header(Path folder, String key) {
        return new Delivery(new ChannelRef("file", folder.toString()), key, null, new Delivery.DigestHeader(
                "Parallax digest", List.of(new Delivery.StoryLine("s1", "Summit in Tianjin", 3, 1))));
    }

    @Test
    @DisplayName("one file per key: delivering again writes nothing new, and the file is how a restart finds it")
    void idempotentByKey() throws Exception {
        FileChannel channel = new FileChannel();
        Path folder = dir.resolve("digests");
        Delivery d = header(folder, "file:x|2025-09-01T08:00:00Z|header");

        boolean before = channel.findDelivered(d).isPresent();
        DeliveryResult first = channel.deliver(d);
        DeliveryResult again = channel.deliver(d);

        assertThat(before).isFalse();
        assertThat(first).isEqualTo(again);
        assertThat(channel.findDelivered(d)).hasValue(((DeliveryResult.Delivered) first).messageId());
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.toList();
            assertThat(all).singleElement().satisfies(p -> {
                assertThat(p.getFileName().toString()).startsWith("20250901T080000Z-header-").endsWith(".md");
                assertThat(Files.readString(p)).contains("# Parallax digest").contains("Summit in Tianjin (`s1`, 3 outlets, 1 divergence)");
            });
        }
    }

    @Test
    @DisplayName("a plain file where the folder should be is a permanent failure with the reason")
    void folderIsAFile() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("digests"), "oops");

        DeliveryResult result = new FileChannel().deliver(header(notAFolder, "file:x|p|header"));

        assertThat(result).isEqualTo(new DeliveryResult.Permanent("not a folder: " + notAFolder));
    }
}
