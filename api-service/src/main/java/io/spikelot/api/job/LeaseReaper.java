package io.spikelot.api.job;

import io.spikelot.api.ApiProperties;
import io.spikelot.api.DatabaseOutage;
import io.spikelot.api.messaging.EventFeed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds running jobs whose worker stopped reporting and hands each to {@link JobLifecycle#expireLease}. A worker is
 * presumed lost only after a whole lease of silence during which it could have been heard: the reaper holds back
 * while the API's events consumer is cut off from the broker, and after the consumer is back, after the API itself
 * was paused (a long GC pause) or after the database was away, it waits one more lease before judging, so workers
 * reconnect and report first.
 */
@Component
class LeaseReaper {

    private static final Logger log = LoggerFactory.getLogger(LeaseReaper.class);

    private final JobRepository jobs;
    private final JobLifecycle lifecycle;
    private final EventFeed events;
    private final Clock clock;
    private final Duration lease;
    private final Duration stall;
    private Instant lastRound;
    private Instant resumedAt;

    LeaseReaper(JobRepository jobs, JobLifecycle lifecycle, EventFeed events, Clock clock, ApiProperties properties) {
        this.jobs = jobs;
        this.lifecycle = lifecycle;
        this.events = events;
        this.clock = clock;
        this.lease = properties.jobs().lease();
        this.stall = properties.jobs().reaperInterval().multipliedBy(3).plusSeconds(1);
    }

    @Scheduled(fixedDelayString = "${spikelot.jobs.reaper-interval:2s}")
    void reap() {
        Instant now = clock.instant();
        if (lastRound == null || Duration.between(lastRound, now).compareTo(stall) > 0) {
            resumedAt = now; // first round, or the reaper could not run for a while: judge nobody yet
        }
        Optional<Instant> heardSince = events.connectedSince();
        if (heardSince.isEmpty()) {
            lastRound = now;
            return;
        }
        Instant trusted = heardSince.get().isAfter(resumedAt) ? heardSince.get() : resumedAt;
        try {
            if (!now.isBefore(trusted.plus(lease))) {
                expire(now);
            }
            lastRound = now;
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isCause(e)) {
                throw e;
            }
            log.warn("Lease reaper waits for the database: {}", e.toString());
        }
    }

    private void expire(Instant now) {
        for (UUID id : jobs.findExpiredLeases(now)) {
            try {
                lifecycle.expireLease(id);
            } catch (RuntimeException e) {
                log.warn("Could not expire the lease of job {}: {}", id, e.toString());
            }
        }
    }
}
