package dev.parallax.chat.console;

import dev.parallax.chat.ChatPlatform;
import dev.parallax.chat.Delivery;
import dev.parallax.chat.DeliveryResult;
import java.io.PrintStream;

/** Prints each delivery as Markdown to a stream (stdout in {@code parallax run}). */
public final class ConsoleChannel implements ChatPlatform {
    private final PrintStream out;
    private final DeliveryMarkdown markdown = new DeliveryMarkdown();

    public ConsoleChannel(PrintStream out) {
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
