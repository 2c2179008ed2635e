package io.spikelot.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.spikelot.worker.WorkerProperties;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The worker's calls against a real HTTP server: the answers it maps, and the bound on a hung API. */
class ApiClientTest {

    private static final String TOKEN = "t".repeat(32);

    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private HttpServer server;

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
        handlers.shutdownNow();
    }

    @Test
    void aClaimTheApiAcceptsRunsAndCarriesTheWorkerCredential() throws IOException {
        AtomicReference<String> authorization = new AtomicReference<>();
        ApiClient client = clientFor(
                exchange -> {
                    authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
                    answer(exchange, 204);
                },
                Duration.ofSeconds(5));

        assertThat(client.claim(UUID.randomUUID(), 1)).isEqualTo(ApiClient.Claim.RUN);
        assertThat(authorization.get()).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void aClaimTheApiRefusesWithAConflictIsDropped() throws IOException {
        ApiClient client = clientFor(exchange -> answer(exchange, 409), Duration.ofSeconds(5));

        assertThat(client.claim(UUID.randomUUID(), 2)).isEqualTo(ApiClient.Claim.DROP);
    }

    @Test
    void anApiThatNeverAnswersFailsTheClaimAtTheReadTimeoutInsteadOfBlockingTheJob() throws IOException {
        ApiClient client = clientFor(
                exchange -> {
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    answer(exchange, 204);
                },
                Duration.ofMillis(300));

        long start = System.nanoTime();
        ApiClient.Claim claim = client.claim(UUID.randomUUID(), 1);
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(claim).isEqualTo(ApiClient.Claim.API_UNREACHABLE);
        assertThat(elapsedMs)
                .as("the claim gives up near the 300 ms read timeout")
                .isBetween(250L, 20_000L);
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private ApiClient clientFor(Handler handler, Duration readTimeout) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", exchange -> {
            try (exchange) {
                handler.handle(exchange);
            }
        });
        server.start();
        WorkerProperties properties = WorkerPropertiesFixtures.properties(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), TOKEN, "cpu", readTimeout);
        return new ApiClient(RestClient.builder(), properties);
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }
}
