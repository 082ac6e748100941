package dev.parallax.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP server for the poll benchmark: {@code /feed/I.xml} is an RSS 2.0 feed of E entries
 * (answering 304 to its own ETag), {@code /article/I/J.html} an article page of distinct text.
 */
final class BenchFeedServer implements AutoCloseable {
    private static final String[] WORDS = ("council budget river bridge minister vote harbour storm school hospital"
            + " railway court judge police market price energy water farmers village election mayor station museum"
            + " festival border treaty factory workers strike bank loan tax report study doctors patients airport"
            + " flight delay weather forecast coast island mountain forest fire rescue team season league final"
            + " coach players fans stadium record growth inflation rate exports imports harvest drought flood")
            .split(" ");

    private final HttpServer server;
    private final ExecutorService pool;
    private final int entries;
    final AtomicLong requests = new AtomicLong();
    final AtomicLong notModified = new AtomicLong();

    BenchFeedServer(int entries, int threads) throws IOException {
        this.entries = entries;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        pool = Executors.newFixedThreadPool(threads);
        server.setExecutor(pool);
        server.createContext("/feed/", this::feed);
        server.createContext("/article/", this::article);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void feed(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        String name = ex.getRequestURI().getPath().substring("/feed/".length());
        int feed = Integer.parseInt(name.replace(".xml", ""));
        String etag = "\"feed-" + feed + "-v1\"";
        if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            notModified.incrementAndGet();
            ex.getResponseHeaders().set("ETag", etag);
            ex.sendResponseHeaders(304, -1);
            ex.close();
            return;
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>")
                .append("<title>Bench Outlet ").append(feed).append("</title><link>").append(base()).append("/</link>");
        for (int j = 0; j < entries; j++) {
            xml.append("<item><title>Story ").append(feed).append('-').append(j).append(" ").append(words(feed, j, 6))
                    .append("</title><link>").append(base()).append("/article/").append(feed).append('/').append(j)
                    .append(".html</link><guid>bench-").append(feed).append('-').append(j).append("</guid>")
                    .append("<pubDate>Mon, 01 Sep 2025 0").append(j % 8).append(":00:00 GMT</pubDate>")
                    .append("<description>").append(words(feed, j, 30)).append("</description></item>");
        }
        xml.append("</channel></rss>");
        send(ex, "application/rss+xml; charset=utf-8", xml.toString(), etag);
    }

    private void article(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        String[] parts = ex.getRequestURI().getPath().substring("/article/".length()).replace(".html", "").split("/");
        int feed = Integer.parseInt(parts[0]);
        int j = Integer.parseInt(parts[1]);
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Story ")
                .append(feed).append('-').append(j).append("</title><meta property=\"og:site_name\" content=\"Bench Outlet ")
                .append(feed).append("\"></head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>")
                .append("<article><h1>Story ").append(feed).append('-').append(j).append("</h1>");
        Random r = new Random(feed * 100_003L + j);
        for (int p = 0; p < 6; p++) {
            html.append("<p>");
            for (int w = 0; w < 45; w++) {
                html.append(w == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]).append(r.nextInt(1000));
            }
            html.append(".</p>");
        }
        html.append("</article><footer>Copyright Bench</footer></body></html>");
        send(ex, "text/html; charset=utf-8", html.toString(), null);
    }

    private static String words(int feed, int j, int n) {
        Random r = new Random(feed * 7_919L + j);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        return s.toString();
    }

    private static void send(HttpExchange ex, String type, String body, String etag) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        if (etag != null) {
            ex.getResponseHeaders().set("ETag", etag);
        }
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
