package io.spikelot.api.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikelot.api.testing.JpaSliceTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link OutboxRepository#lockUnsent} on the real PostgreSQL: relays running side by side (one per API replica)
 * skip the rows another relay holds instead of waiting for them, so no message is published twice by two relays.
 */
@JpaSliceTest
class OutboxRepositoryLockTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    OutboxRepository outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    TransactionTemplate transactions;

    /** One thread per relay: each blocks while it holds its rows. */
    final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void emptyOutbox() {
        transactions = new TransactionTemplate(transactionManager);
        jdbc.update("delete from outbox");
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aSecondRelaySkipsTheRowsTheFirstHoldsWithoutWaiting() throws Exception {
        List<Long> ids = unsentMessages(4);
        CountDownLatch firstHoldsItsRows = new CountDownLatch(1);
        CompletableFuture<Void> releaseFirst = new CompletableFuture<>();

        CompletableFuture<List<Long>> first = relay(2, firstHoldsItsRows, releaseFirst);
        assertThat(firstHoldsItsRows.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        // the second relay's batch comes back while the first still holds its rows
        List<Long> second = relay(10, new CountDownLatch(1), CompletableFuture.completedFuture(null))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        releaseFirst.complete(null);

        assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS)).containsExactly(ids.get(0), ids.get(1));
        assertThat(second).containsExactly(ids.get(2), ids.get(3));
    }

    @Test
    void relaysRunningAtOnceNeverTakeTheSameRow() throws Exception {
        List<Long> ids = unsentMessages(12);
        int relays = 4;
        CountDownLatch allHoldTheirRows = new CountDownLatch(relays);
        CompletableFuture<Void> release = new CompletableFuture<>();

        List<CompletableFuture<List<Long>>> batches = new ArrayList<>();
        for (int i = 0; i < relays; i++) {
            batches.add(relay(3, allHoldTheirRows, release));
        }
        // all four transactions are open at the same time, each holding its batch
        assertThat(allHoldTheirRows.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        release.complete(null);

        List<Long> taken = new ArrayList<>();
        for (CompletableFuture<List<Long>> batch : batches) {
            assertThat(batch.get(WAIT.toSeconds(), TimeUnit.SECONDS)).hasSize(3);
            taken.addAll(batch.get());
        }
        assertThat(taken).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void sentMessagesAreNoLongerOffered() {
        List<Long> ids = unsentMessages(3);
        transactions.executeWithoutResult(tx -> outbox.lockUnsent(1).get(0).markSent(Instant.now()));

        List<Long> unsent = transactions.execute(tx -> idsOf(outbox.lockUnsent(10)));

        assertThat(unsent).containsExactly(ids.get(1), ids.get(2));
        assertThat(outbox.countUnsent()).isEqualTo(2);
    }

    /**
     * One relay's transaction: locks up to {@code limit} unsent rows, says so on {@code holding}, and keeps them
     * locked until {@code release} completes.
     */
    private CompletableFuture<List<Long>> relay(int limit, CountDownLatch holding, CompletableFuture<Void> release) {
        return CompletableFuture.supplyAsync(
                () -> transactions.execute(tx -> {
                    List<Long> batch = idsOf(outbox.lockUnsent(limit));
                    holding.countDown();
                    release.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
                    return batch;
                }),
                threads);
    }

    /** Saves {@code count} unsent dispatches of one job, returning their ids in insertion order. */
    private List<Long> unsentMessages(int count) {
        UUID job = UUID.randomUUID();
        jdbc.update(
                """
                insert into jobs (id, tenant, type, name, status, attempt, max_attempts, resource_class, spec,
                                  request_hash, created_at)
                values (?, 'tenant-a', 'slt', 'outboxed', 'QUEUED', 1, 3, 'CPU', '{}', ?, now())""",
                job,
                "0".repeat(64));
        return IntStream.range(0, count)
                .mapToObj(i -> outbox.save(new OutboxMessage(
                                job, OutboxMessage.Kind.DISPATCH, "cpu", "{\"n\":" + i + "}", Instant.now()))
                        .id())
                .toList();
    }

    private static List<Long> idsOf(List<OutboxMessage> messages) {
        return messages.stream().map(OutboxMessage::id).toList();
    }
}
