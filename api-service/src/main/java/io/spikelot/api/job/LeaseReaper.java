package io.spikelot.api.job;

import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Finds running jobs whose worker stopped reporting and hands each to {@link JobLifecycle#expireLease}. */
@Component
class LeaseReaper {

    private static final Logger log = LoggerFactory.getLogger(LeaseReaper.class);

    private final JobRepository jobs;
    private final JobLifecycle lifecycle;
    private final Clock clock;

    LeaseReaper(JobRepository jobs, JobLifecycle lifecycle, Clock clock) {
        this.jobs = jobs;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${spikelot.jobs.reaper-interval:5s}")
    void reap() {
        for (UUID id : jobs.findExpiredLeases(clock.instant())) {
            try {
                lifecycle.expireLease(id);
            } catch (RuntimeException e) {
                log.warn("Could not expire the lease of job {}: {}", id, e.toString());
            }
        }
    }
}
