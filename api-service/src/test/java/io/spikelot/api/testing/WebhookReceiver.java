package io.spikelot.api.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A real HTTP receiver of webhooks on 127.0.0.1 (the JDK's server): answers each request with the next scripted
 * status (200 once the script is used up, or whatever {@link #answerAlways} says) and keeps every request.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received, with the status it was answered. */
    public record Received(Instant at, Map<String, List<String>> headers, String body, int answered) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int always = 200;

    private WebhookReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Integer next = script.poll();
            int status = next == null ? always : next;
            received.add(new Received(
                    Instant.now(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(body, StandardCharsets.UTF_8),
                    status));
            byte[] answer = ("answer " + status).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
    }

    public static WebhookReceiver start() throws IOException {
        return new WebhookReceiver(0);
    }

    /** A receiver on a given port, e.g. one that comes back where an earlier one was. */
    public static WebhookReceiver startOn(int port) throws IOException {
        return new WebhookReceiver(port);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The next requests are answered with these statuses, in order. */
    public WebhookReceiver script(Integer... statuses) {
        script.addAll(List.of(statuses));
        return this;
    }

    public WebhookReceiver answerAlways(int status) {
        always = status;
        return this;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits until {@code count} requests that match arrived; fails after {@code timeout}. */
    public List<Received> await(Predicate<Received> filter, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Received> matching = received.stream().filter(filter).toList();
            if (matching.size() >= count) {
                return matching;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Expected " + count + " matching webhook requests within " + timeout + ", got "
                        + matching.size() + " of " + received);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
