package io.spikelot.api.job;

import io.spikelot.model.job.JobStatus;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Tells the {@link JobChangeListener}s of a job's changes, from within the transaction that made them. */
@Component
class JobChanges {

    private final ObjectProvider<JobChangeListener> listeners;
    private final JsonMapper json;

    /** The listeners, looked up once on first use (not at construction: they may depend on the job services). */
    private volatile List<JobChangeListener> resolved;

    JobChanges(ObjectProvider<JobChangeListener> listeners, JsonMapper json) {
        this.listeners = listeners;
        this.json = json;
    }

    /** The job's status may have changed from {@code before}: tell the listeners if it did. */
    void statusChanged(JobEntity job, JobStatus before) {
        if (job.status() != before) {
            publish(job, job.status().name());
        }
    }

    void progressed(JobEntity job) {
        publish(job, JobChangeListener.PROGRESS);
    }

    private List<JobChangeListener> listeners() {
        List<JobChangeListener> all = resolved;
        if (all == null) {
            all = listeners.orderedStream().toList();
            resolved = all;
        }
        return all;
    }

    private void publish(JobEntity job, String event) {
        List<JobChangeListener> all = listeners();
        if (all.isEmpty()) {
            return;
        }
        JobView[] view = new JobView[1]; // built once, by the first listener that asks
        JobChangeListener.JobChange change = new JobChangeListener.JobChange(job.tenant(), event, () -> {
            if (view[0] == null) {
                view[0] = JobViews.viewOf(job, json);
            }
            return view[0];
        });
        all.forEach(listener -> listener.jobChanged(change));
    }
}
