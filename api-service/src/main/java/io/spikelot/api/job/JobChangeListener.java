package io.spikelot.api.job;

import java.util.function.Supplier;

/**
 * Told of every change of a job's status, and of every progress report, inside the transaction that stores the
 * change: what a listener writes commits or rolls back with the job. Listeners must not call out of the process.
 */
public interface JobChangeListener {

    /** The name of the event of a progress report, next to the job statuses. */
    String PROGRESS = "PROGRESS";

    /**
     * @param tenant the job's tenant
     * @param event the job's new status ({@code QUEUED}, {@code RUNNING}, ...) or {@link #PROGRESS}
     * @param view the job as {@code GET /api/v1/jobs/{id}} shows it after the change, built on first use: most
     *     changes (a submit of a tenant without webhooks) never need it, and it parses the spec and result
     */
    record JobChange(String tenant, String event, Supplier<JobView> view) {

        public JobView job() {
            return view.get();
        }
    }

    void jobChanged(JobChange change);
}
