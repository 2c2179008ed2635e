package io.spikelot.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.TestKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints submit throughput and latency at a steady rate over loopback, and dispatch latency (submit to RUNNING),
 * against the real API, PostgreSQL, RabbitMQ and worker. Run on request (see the README); not a test.
 */
@Tag("benchmark")
class SubmitBenchmark {

    private static final int RATE = Integer.getInteger("bench.rate", 500);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int DISPATCHES = Integer.getInteger("bench.dispatches", 100);
    private static final int WARMUP_SECONDS = Integer.getInteger("bench.warmup", 10);

    /**
     * Quotas during the run: {@code -Dbench.quotas=off} (the default: every submit of the run stays queued, as no
     * worker takes them, so the API is measured without quota decisions) or {@code default} (1,000 queued: the
     * queue fills, and the rest of the run measures the serialized quota decision answering 429).
     */
    static final String[] QUOTAS = System.getProperty("bench.quotas", "off").equals("off")
            ? new String[] {"--spikelot.quotas.default.max-queued=-1", "--spikelot.quotas.default.max-running=-1"}
            : new String[0];

    @Test
    void submitAndDispatchFigures() throws Exception {
        try (TwoServiceStack stack = new TwoServiceStack()) {
            CpuMeter cpu = new CpuMeter(stack.namespace());
            stack.startApi(withArgument(QUOTAS, cpu.apiArgument()));
            stack.startWorker();
            ApiHttp http = stack.http();
            List<Double> dispatch = dispatchLatencies(http);
            stack.stopWorker(); // the submit phase measures the API alone; the queue just fills
            runAtRate(stack, WARMUP_SECONDS, Math.max(1, RATE / 2)); // warm-up: JIT, connection pools
            cpu.start();
            Result submit = runAtRate(stack, SECONDS, RATE);

            printSubmit("SUBMIT ", RATE, SECONDS, submit);
            cpu.print("SUBMIT", (long) SECONDS * RATE);
            System.out.printf(
                    "DISPATCH submit to RUNNING over %d jobs: p50 %.1f ms, p99 %.1f ms"
                            + " (submit to the worker's STARTED: p50 %.1f ms, p99 %.1f ms)%n%n",
                    dispatch.size(),
                    percentile(dispatch, 50),
                    percentile(dispatch, 99),
                    percentile(TO_STARTED, 50),
                    percentile(TO_STARTED, 99));
            assertThat(submit.latencies()).isNotEmpty();
        }
    }

    static String[] withArgument(String[] arguments, String argument) {
        String[] all = java.util.Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = argument;
        return all;
    }

    /** Submit-to-STARTED as the job records it (the worker's STARTED time minus the API's creation time). */
    private static final List<Double> TO_STARTED = new ArrayList<>();

    private static List<Double> dispatchLatencies(ApiHttp http) throws InterruptedException {
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < DISPATCHES; i++) {
            long start = System.nanoTime();
            ApiHttp.Response created = http.postJson("/api/v1/jobs", TestKeys.KEY_A, spec("instant-" + i));
            UUID id = UUID.fromString(created.json().get("id").asString());
            while (true) {
                String status = http.get("/api/v1/jobs/" + id, TestKeys.KEY_A)
                        .json()
                        .get("status")
                        .asString();
                if (!status.equals("QUEUED")) {
                    break;
                }
                Thread.sleep(2);
            }
            latencies.add((System.nanoTime() - start) / 1e6);
            var job = http.get("/api/v1/jobs/" + id, TestKeys.KEY_A).json();
            TO_STARTED.add(java.time.Duration.between(
                                    java.time.Instant.parse(job.get("createdAt").asString()),
                                    java.time.Instant.parse(job.get("startedAt").asString()))
                            .toNanos()
                    / 1e6);
        }
        return latencies;
    }

    record Result(List<Double> latencies, int errors, double throughput) {}

    static void printSubmit(String label, int rate, int seconds, Result submit) {
        System.out.printf(
                "%n%s target %d/s for %d s: achieved %.0f/s, %d errors, latency p50 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms%n",
                label,
                rate,
                seconds,
                submit.throughput(),
                submit.errors(),
                percentile(submit.latencies(), 50),
                percentile(submit.latencies(), 99),
                percentile(submit.latencies(), 100));
    }

    /**
     * Opens requests at a fixed rate (not waiting for answers), so slow answers show as latency, not as a lower rate.
     *
     * <p>Each request is sent with the blocking {@code send} from a pool of sender threads that is reused, and the
     * client runs on two threads of its own. {@code sendAsync} would hand every response to
     * {@code CompletableFuture}'s default executor, which on a machine of fewer than three cores starts a thread per
     * task: a thread per request, in the JVM under test.
     */
    static Result runAtRate(TwoServiceStack stack, int seconds, int rate) throws Exception {
        ExecutorService clientThreads = Executors.newFixedThreadPool(2, named("bench-http-"));
        ExecutorService senders = Executors.newCachedThreadPool(named("bench-sender-"));
        try {
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .executor(clientThreads)
                    .build();
            URI uri = URI.create(stack.baseUrl() + "/api/v1/jobs");
            ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
            AtomicInteger errors = new AtomicInteger();
            List<CompletableFuture<?>> pending = new ArrayList<>();
            long start = System.nanoTime();
            long total = (long) seconds * rate;
            for (long i = 0; i < total; i++) {
                long due = start + i * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                HttpRequest request = HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + TestKeys.KEY_A)
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(spec("load-" + i)))
                        .build();
                long sent = System.nanoTime();
                pending.add(CompletableFuture.runAsync(
                        () -> {
                            try {
                                HttpResponse<Void> response =
                                        client.send(request, HttpResponse.BodyHandlers.discarding());
                                if (response.statusCode() == 201) {
                                    latencies.add((System.nanoTime() - sent) / 1e6);
                                    return;
                                }
                            } catch (IOException | InterruptedException e) {
                                // counted below
                            }
                            errors.incrementAndGet();
                        },
                        senders));
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
            double elapsed = (System.nanoTime() - start) / 1e9;
            return new Result(new ArrayList<>(latencies), errors.get(), latencies.size() / elapsed);
        } finally {
            senders.shutdownNow();
            clientThreads.shutdownNow();
        }
    }

    /** Daemon threads named {@code prefix} and a number. */
    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static String spec(String name) {
        return """
                {"type": "slt", "name": "%s", "model": {"architecture": "convnet-s"},
                 "dataset": {"name": "synthetic-static"}, "training": {"epochs": 1}}"""
                .formatted(name);
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
