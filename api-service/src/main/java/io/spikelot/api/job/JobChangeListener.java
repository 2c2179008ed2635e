package io.spikelot.api.job;

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
     * @param job the job as {@code GET /api/v1/jobs/{id}} shows it after the change
     */
    record JobChange(String tenant, String event, JobView job) {}

    void jobChanged(JobChange change);
}
