package io.spikelot.api.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.spikelot.api.LoopThread;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries, at least once each. A round claims due rows (locked, skipping rows another replica holds)
 * by pushing their next attempt past the longest an attempt can take, and commits; the sends then run without a
 * transaction, and each outcome is stored in one of its own. If the API dies mid-send, the claim lapses and the
 * delivery is sent again (with the same {@code Spikelot-Delivery} id, which receivers deduplicate on).
 *
 * <p>Outcomes: 2xx is delivered; 410 Gone fails the delivery and disables its subscription; anything else (other
 * statuses, redirects, which are never followed, timeouts, refused connections, a host that now resolves to a
 * private address) is retried after an exponentially growing wait with jitter, until the retry window is over.
 */
@Component
class WebhookRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookRelay.class);
    /** How much of a receiver's answer is read (and kept in the log, for errors). */
    private static final int RESPONSE_HEAD_BYTES = 512;

    /** A delivery taken for one attempt. */
    private record Claim(
            UUID id,
            UUID subscriptionId,
            String event,
            String payload,
            Instant createdAt,
            int attempt,
            String url,
            String secret) {}

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final AttemptRepository attempts;
    private final WebhookUrls urls;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final WebhookProperties properties;
    private final Duration claimFor;
    private final HttpClient http;
    private final Semaphore slots;
    private final Semaphore wakeUps = new Semaphore(0);
    private final MeterRegistry registry;
    private final Timer lag;
    private volatile ExecutorService senders;
    /** Ends the reading of answers whose attempt ran out of time; one thread, which only cancels. */
    private volatile ScheduledExecutorService deadlines;

    private final LoopThread thread = new LoopThread("webhook-relay", this::loop);

    WebhookRelay(
            DeliveryRepository deliveries,
            SubscriptionRepository subscriptions,
            AttemptRepository attempts,
            WebhookUrls urls,
            TransactionTemplate transactions,
            Clock clock,
            WebhookProperties properties,
            MeterRegistry registry) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.attempts = attempts;
        this.urls = urls;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
        this.claimFor = properties.timeout().multipliedBy(2).plusSeconds(30);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.timeout())
                .build();
        this.slots = new Semaphore(properties.concurrency());
        this.registry = registry;
        this.lag = Timer.builder("spikelot.webhooks.delivery.lag")
                .description("From the event to the receiver's 2xx answer")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    void wakeUp() {
        wakeUps.release();
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                wakeUps.tryAcquire(properties.relayInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                while (round()) {
                    // every free slot was filled: more may be due
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Webhook relay round failed, will retry: {}", e.toString());
            }
        }
    }

    /** Claims and starts as many due deliveries as there are free slots; true if it filled them all. */
    boolean round() throws InterruptedException {
        int free = slots.availablePermits();
        if (free == 0) {
            return false;
        }
        List<Claim> claims = claimDue(free);
        for (Claim claim : claims) {
            slots.acquire();
            try {
                senders.execute(() -> {
                    try {
                        attempt(claim);
                    } finally {
                        slots.release();
                        if (slots.availablePermits() == 1) {
                            wakeUp(); // the relay may have stopped for lack of slots
                        }
                    }
                });
            } catch (RuntimeException rejected) {
                slots.release();
                throw rejected;
            }
        }
        return !claims.isEmpty() && claims.size() == free;
    }

    private List<Claim> claimDue(int limit) {
        return transactions.execute(status -> {
            Instant now = clock.instant();
            List<Claim> claims = new ArrayList<>();
            for (WebhookDelivery delivery : deliveries.lockDue(now, limit)) {
                WebhookSubscription subscription =
                        subscriptions.findById(delivery.subscriptionId()).orElse(null);
                if (subscription == null || !subscription.enabled()) {
                    delivery.discard(now);
                    continue;
                }
                delivery.claim(now.plus(claimFor));
                claims.add(new Claim(
                        delivery.id(),
                        subscription.id(),
                        delivery.event(),
                        delivery.payload(),
                        delivery.createdAt(),
                        delivery.attempts() + 1,
                        subscription.url(),
                        subscription.secret()));
            }
            return claims;
        });
    }

    private void attempt(Claim claim) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            URI uri = urls.check(claim.url());
            byte[] body = claim.payload().getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Spikelot-Webhooks/1")
                    .header("Spikelot-Event", claim.event())
                    .header("Spikelot-Delivery", claim.id().toString())
                    .header(
                            WebhookSignature.HEADER,
                            WebhookSignature.header(claim.secret(), started.getEpochSecond(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            // The blocking send, on this sender thread: sendAsync would complete through CompletableFuture's default
            // executor, which below three cores starts a thread per call. The request's timeout bounds the wait for
            // the answer's head, the deadline below the reading of its body.
            Head head = new Head();
            ScheduledFuture<?> deadline =
                    deadlines.schedule(head::expire, properties.timeout().toMillis(), TimeUnit.MILLISECONDS);
            try {
                HttpResponse<String> response = http.send(request, info -> head);
                if (head.expired()) {
                    error = timedOut();
                } else {
                    status = response.statusCode();
                    if (status / 100 != 2) {
                        error = "answered " + status + (response.body().isBlank() ? "" : ": " + response.body());
                    }
                }
            } catch (HttpTimeoutException e) {
                error = timedOut();
            } catch (IOException e) {
                error = describe(e);
            } finally {
                deadline.cancel(false);
            }
        } catch (WebhookUrls.Refused refused) {
            error = "URL refused: " + refused.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted: the API was stopping";
        } catch (RuntimeException e) {
            error = describe(e);
        }
        long latencyMs = (System.nanoTime() - t0) / 1_000_000;
        Integer statusCode = status;
        String errorText = error;
        try {
            transactions.executeWithoutResult(tx -> record(claim, started, statusCode, latencyMs, errorText));
        } catch (RuntimeException e) {
            // the claim lapses and the delivery is sent again: at least once
            log.warn("Could not record webhook delivery {} attempt {}: {}", claim.id(), claim.attempt(), e.toString());
        }
    }

    private void record(Claim claim, Instant started, Integer status, long latencyMs, String error) {
        WebhookDelivery delivery = deliveries.findById(claim.id()).orElse(null);
        if (delivery == null || delivery.state() != WebhookDelivery.State.PENDING) {
            return; // its subscription was deleted meanwhile
        }
        attempts.save(new WebhookAttempt(delivery.id(), delivery.attempts() + 1, started, status, latencyMs, error));
        Instant now = clock.instant();
        String outcome;
        if (status != null && status / 100 == 2) {
            delivery.delivered(now);
            lag.record(Duration.between(delivery.createdAt(), now));
            outcome = "delivered";
        } else if (status != null && status == 410) {
            delivery.failed(now);
            deliveries.flush();
            subscriptions
                    .findById(claim.subscriptionId())
                    .ifPresent(s -> s.disable("The receiver answered 410 Gone at " + now, now));
            deliveries.discardPending(claim.subscriptionId(), now);
            outcome = "gone";
            log.info("Webhook subscription {} disabled: its receiver answered 410", claim.subscriptionId());
        } else {
            Instant next = now.plus(backoff(delivery.attempts() + 1));
            if (next.isAfter(delivery.createdAt().plus(properties.giveUpAfter()))) {
                delivery.failed(now);
                outcome = "gave-up";
            } else {
                delivery.retryAt(next);
                outcome = "retry";
            }
            log.debug("Webhook delivery {} attempt {} failed ({}), {}", claim.id(), claim.attempt(), error, outcome);
        }
        Counter.builder("spikelot.webhooks.attempts")
                .description("Webhook delivery attempts by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /** The wait after the n-th failed attempt: initial * 2^(n-1), at most the maximum, the upper half jittered. */
    Duration backoff(int failedAttempts) {
        long initial = properties.initialBackoff().toMillis();
        long max = properties.maxBackoff().toMillis();
        long exponential = failedAttempts >= 40 ? max : Math.min(max, initial << Math.max(0, failedAttempts - 1));
        long half = exponential / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    private String timedOut() {
        return "no answer within " + properties.timeout().toMillis() + " ms";
    }

    /** A failed connection or exchange; timeouts are caught before, as {@link #timedOut}. */
    private static String describe(Throwable e) {
        if (e instanceof ConnectException) {
            return "could not connect";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "connection failed" : "connection failed: " + message;
    }

    /**
     * Reads the first bytes of an answer and drops the connection after them: a bounded read. When the attempt's
     * deadline passes first ({@link #expire}), it drops the connection and ends the body with what it has, so that a
     * receiver trickling its answer cannot hold a sender.
     */
    private static final class Head implements HttpResponse.BodySubscriber<String> {
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;
        private boolean expired;

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public synchronized void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (expired) {
                subscription.cancel();
                done();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public synchronized void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int n = Math.min(buffer.remaining(), RESPONSE_HEAD_BYTES - bytes.size());
                byte[] chunk = new byte[n];
                buffer.get(chunk);
                bytes.write(chunk, 0, n);
            }
            if (bytes.size() >= RESPONSE_HEAD_BYTES) {
                subscription.cancel();
                done();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            done();
        }

        @Override
        public void onComplete() {
            done();
        }

        /** The attempt's time is up: stop reading, unless the answer is already complete. */
        synchronized void expire() {
            if (result.isDone()) {
                return;
            }
            expired = true;
            if (subscription != null) {
                subscription.cancel();
                done();
            }
        }

        synchronized boolean expired() {
            return expired;
        }

        private synchronized void done() {
            result.complete(bytes.toString(StandardCharsets.UTF_8).strip());
        }
    }

    @Override
    public void start() {
        AtomicInteger n = new AtomicInteger();
        senders = Executors.newFixedThreadPool(properties.concurrency(), r -> {
            Thread t = new Thread(r, "webhook-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "webhook-deadlines");
            t.setDaemon(true);
            return t;
        });
        thread.start();
    }

    /** Stops claiming, and lets the attempts in flight finish and be recorded. */
    @Override
    public void stop() {
        thread.stop();
        ExecutorService pool = senders;
        if (pool != null) {
            pool.shutdown();
            try {
                if (!pool.awaitTermination(properties.timeout().toMillis() + 2_000, TimeUnit.MILLISECONDS)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pool.shutdownNow();
            }
        }
        ScheduledExecutorService timer = deadlines;
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return thread.running();
    }
}
