package io.spikelot.api.job;

import io.spikelot.api.messaging.Outbox;
import io.spikelot.api.problem.ApiProblem;
import io.spikelot.api.problem.ProblemType;
import io.spikelot.api.quota.Quotas;
import io.spikelot.model.job.ResourceClass;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tenant quotas, enforced in the transaction that changes the jobs. Each decision takes a PostgreSQL advisory lock
 * on the tenant and resource class (held until commit) before counting, so concurrent submits of one tenant are
 * decided one after the other, on committed counts, by every API replica alike. A submit over the queued limit is
 * refused before anything is written; a job over the running limit is stored undispatched and dispatched when one
 * of its tenant's jobs of that class finishes.
 */
@Component
class JobAdmission {

    private static final Logger log = LoggerFactory.getLogger(JobAdmission.class);

    private final JobRepository jobs;
    private final Quotas quotas;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transactions;

    JobAdmission(
            JobRepository jobs,
            Quotas quotas,
            Outbox outbox,
            JsonMapper json,
            Clock clock,
            TransactionTemplate transactions) {
        this.jobs = jobs;
        this.quotas = quotas;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * Admits a new job or refuses it with 429.
     *
     * @return whether to dispatch it now (false: it waits for a running slot)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean admit(String tenant, ResourceClass resourceClass) {
        Quotas.Limit limit = quotas.of(tenant, resourceClass);
        if (!limit.queuedLimited() && !limit.runningLimited()) {
            return true; // nothing to decide: no lock, no count
        }
        jobs.lockQuota(key(tenant, resourceClass));
        if (limit.queuedLimited()) {
            long queued = jobs.countQueued(tenant, resourceClass.name(), limit.maxQueued());
            if (queued >= limit.maxQueued()) {
                quotas.rejected(tenant, resourceClass);
                long seconds = Math.max(1, quotas.retryAfter().toSeconds());
                throw new ApiProblem(
                                ProblemType.QUOTA_EXCEEDED,
                                "Tenant " + tenant + " already has " + queued + " queued "
                                        + resourceClass.wireName()
                                        + " jobs, its limit; retry after some have started or finished")
                        .withHeader("Retry-After", String.valueOf(seconds));
            }
        }
        return !limit.runningLimited()
                || jobs.countActive(tenant, resourceClass.name(), limit.maxRunning()) < limit.maxRunning();
    }

    /** A job of the tenant and class finished: dispatch waiting jobs into the running slots now free. */
    @Transactional(propagation = Propagation.MANDATORY)
    void released(String tenant, ResourceClass resourceClass) {
        Quotas.Limit limit = quotas.of(tenant, resourceClass);
        jobs.lockQuota(key(tenant, resourceClass));
        long free = limit.runningLimited()
                ? limit.maxRunning() - jobs.countActive(tenant, resourceClass.name(), limit.maxRunning())
                : Long.MAX_VALUE;
        if (free <= 0) {
            return;
        }
        for (JobEntity job : jobs.lockHeld(tenant, resourceClass.name(), (int) Math.min(free, 100))) {
            job.markDispatched();
            outbox.dispatch(JobViews.dispatchOf(job, json, clock.instant()));
            log.debug("Job {} dispatched: a running slot of tenant {} became free", job.id(), tenant);
        }
    }

    /** The safety net: waiting jobs of a quota raised since, or of slots freed by a transaction that failed. */
    @Scheduled(fixedDelayString = "${spikelot.jobs.reaper-interval:2s}")
    void dispatchWaiting() {
        List<Object[]> queues = jobs.heldQueues();
        for (Object[] queue : queues) {
            String tenant = (String) queue[0];
            ResourceClass resourceClass = ResourceClass.valueOf((String) queue[1]);
            try {
                transactions.executeWithoutResult(status -> released(tenant, resourceClass));
            } catch (RuntimeException e) {
                log.warn("Could not dispatch waiting jobs of tenant {}: {}", tenant, e.toString());
            }
        }
    }

    private static String key(String tenant, ResourceClass resourceClass) {
        return "spikelot-quota:" + tenant + ":" + resourceClass.name();
    }
}
