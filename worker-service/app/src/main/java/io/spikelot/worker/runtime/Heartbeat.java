package io.spikelot.worker.runtime;

import io.spikelot.model.messaging.JobProgress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes the latest progress every interval, or the previous one again when nothing new was reported: the API
 * renews the job's lease on every event, so a pipeline stuck in one long step still counts as alive.
 */
final class Heartbeat implements AutoCloseable {

    private final ScheduledExecutorService scheduler;
    private JobProgress last = JobProgress.started("running");

    private Heartbeat(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    static Heartbeat start(AttemptReporter reporter, RunningJob job, Duration interval) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "heartbeat-" + job.jobId());
            thread.setDaemon(true);
            return thread;
        });
        Heartbeat heartbeat = new Heartbeat(scheduler);
        long ms = interval.toMillis();
        scheduler.scheduleAtFixedRate(() -> heartbeat.beat(reporter, job), ms, ms, TimeUnit.MILLISECONDS);
        return heartbeat;
    }

    private void beat(AttemptReporter reporter, RunningJob job) {
        JobProgress fresh = job.takeProgress();
        if (fresh != null) {
            last = fresh;
        }
        reporter.progress(last);
    }

    /** Stops beating and waits for a beat in flight, so no progress can follow the terminal event. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
