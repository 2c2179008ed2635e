package io.spikelot.api.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spikelot.api.testing.JpaSliceTest;
import io.spikelot.model.job.JobType;
import io.spikelot.model.job.ResourceClass;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link JobRepository#lockById} on the real PostgreSQL: a second transaction that locks the same job waits for the
 * first to end, then reads what the first committed, so two event handlers never apply changes to one job at once.
 */
@JpaSliceTest
class JobRepositoryLockTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    JobRepository jobs;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Value("${spring.flyway.schemas}")
    String schema;

    /** One thread per transaction: the first blocks while it holds the lock, the second while it waits for it. */
    final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aSecondLockOfTheSameJobWaitsForTheFirstTransactionAndSeesItsChange() throws Exception {
        UUID id = jobs.save(aQueuedJob()).id();
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CompletableFuture<Void> releaseFirst = new CompletableFuture<>();

        CompletableFuture<Void> first = CompletableFuture.runAsync(
                () -> transactions.executeWithoutResult(tx -> {
                    jobs.lockById(id).orElseThrow().recordSequence(5);
                    firstHoldsTheLock.countDown();
                    releaseFirst.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
                }),
                threads);
        assertThat(firstHoldsTheLock.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(
                () -> transactions.execute(tx -> jobs.lockById(id).orElseThrow().lastSequence()), threads);

        // PostgreSQL itself reports the second transaction as waiting for a lock on this schema's jobs table
        await("a second transaction waiting for the job's row lock")
                .atMost(WAIT)
                .until(() -> sessionsWaitingToLockJobs() == 1);
        assertThat(second).isNotDone();

        releaseFirst.complete(null);
        first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(second.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(5);
    }

    private long sessionsWaitingToLockJobs() {
        Long waiting = jdbc.queryForObject(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like ?",
                Long.class,
                "%" + schema + ".jobs %");
        return waiting == null ? 0 : waiting;
    }

    private static JobEntity aQueuedJob() {
        UUID id = UUID.randomUUID();
        NewJob job = new NewJob(id, "tenant-a", JobType.SLT, "locked", ResourceClass.CPU, "{}", null, "0".repeat(64));
        return new JobEntity(job, 3, Instant.now(), true);
    }
}
