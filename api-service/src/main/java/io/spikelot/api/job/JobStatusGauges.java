package io.spikelot.api.job;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.spikelot.model.job.JobStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code spikelot.jobs{status=...}}: jobs by status, counted at most every few seconds whatever the scrape rate. */
@Component
class JobStatusGauges {

    private static final Duration MAX_AGE = Duration.ofSeconds(5);

    private final JobRepository jobs;
    private volatile Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
    private volatile Instant countedAt = Instant.EPOCH;

    JobStatusGauges(JobRepository jobs, MeterRegistry registry) {
        this.jobs = jobs;
        for (JobStatus status : JobStatus.values()) {
            Gauge.builder("spikelot.jobs", this, g -> g.count(status))
                    .description("Jobs by status")
                    .tag("status", status.name())
                    .register(registry);
        }
    }

    private double count(JobStatus status) {
        if (countedAt.plus(MAX_AGE).isBefore(Instant.now())) {
            Map<JobStatus, Long> fresh = new EnumMap<>(JobStatus.class);
            for (Object[] row : jobs.countByStatus()) {
                fresh.put((JobStatus) row[0], (Long) row[1]);
            }
            counts = fresh;
            countedAt = Instant.now();
        }
        return counts.getOrDefault(status, 0L);
    }
}
