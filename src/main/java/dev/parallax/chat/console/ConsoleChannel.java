package dev.parallax.chat.console;

import dev.parallax.chat.ChatPlatform;
import dev.parallax.chat.Delivery;
import dev.parallax.chat.DeliveryResult;
import java.io.PrintWriter;

/**
 * Prints each delivery as Markdown (to stdout in {@code parallax run}). It cannot look up what it
 * printed, so a crash between printing and recording may print a message again after a restart.
 */
public final class ConsoleChannel implements ChatPlatform {
    private final PrintWriter out;
    private final DeliveryMarkdown markdown = new DeliveryMarkdown();

    public ConsoleChannel(PrintWriter out) {
        this.out = out;
    }

    @Override
    public String name() {
        return "console";
    }

    @Override
    public synchronized DeliveryResult deliver(Delivery delivery) {
        out.println(markdown.render(delivery));
        out.flush();
        return out.checkError() ? new DeliveryResult.RetryLater(null, "console output failed")
                : new DeliveryResult.Delivered(delivery.idempotencyKey());
    }
}
