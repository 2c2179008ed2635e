package io.spikelot.worker.runtime;

import io.spikelot.model.messaging.JobDispatch;
import io.spikelot.model.messaging.JobError;
import io.spikelot.model.messaging.JobProgress;
import io.spikelot.pipeline.JobCancelledException;
import io.spikelot.pipeline.Pipeline;
import io.spikelot.pipeline.PipelineException;
import io.spikelot.worker.WorkerProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one attempt of a job: STARTED, then the pipeline under a heartbeat, then exactly one of SUCCEEDED, FAILED or
 * CANCELLED. Every outcome of the pipeline, including an Error, ends in one of them, but two: a superseded attempt
 * and one abandoned because the worker shuts down report nothing more (the lease decides what happens next).
 */
@Component
public class JobRunner {

    /** What the listener does with the broker delivery once the job's start is (or is not) on record. */
    public interface Delivery {
        void ack() throws IOException;

        void requeue() throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    private static final TypeReference<Map<String, Object>> RESULT_TYPE = new TypeReference<>() {};

    private final Pipelines pipelines;
    private final Cancellations cancellations;
    private final ApiClient api;
    private final EventSender sender;
    private final WorkerIdentity identity;
    private final WorkerProperties properties;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    JobRunner(
            Pipelines pipelines,
            Cancellations cancellations,
            ApiClient api,
            EventSender sender,
            WorkerIdentity identity,
            WorkerProperties properties,
            JsonMapper json) {
        this.pipelines = pipelines;
        this.cancellations = cancellations;
        this.api = api;
        this.sender = sender;
        this.identity = identity;
        this.properties = properties;
        this.json = json;
    }

    public void run(JobDispatch dispatch, Delivery delivery) throws IOException {
        AttemptReporter reporter =
                new AttemptReporter(dispatch.jobId(), dispatch.attempt(), identity.id(), sender, clock);
        if (!reporter.started(JobProgress.started("started on " + identity.id()))) {
            // without STARTED on record the API holds no lease, so the broker must keep the dispatch
            delivery.requeue();
            return;
        }
        delivery.ack();
        log.info("Job {} attempt {} ({}) started", dispatch.jobId(), dispatch.attempt(), dispatch.type());
        Pipeline<?, ?> pipeline = pipelines.forType(dispatch.type()).orElse(null);
        if (pipeline == null) {
            reporter.failed(JobError.nonRetryable(
                    JobError.UNKNOWN_TYPE,
                    "This worker runs job types " + pipelines.types() + ", not '" + dispatch.type() + "'"));
            return;
        }
        Path scratch = Files.createDirectories(
                properties.worker().scratchDir().resolve(dispatch.jobId() + "-" + dispatch.attempt()));
        RunningJob job = new RunningJob(dispatch.jobId(), dispatch.attempt(), scratch, cancellations, api);
        try (EventSender.Registration resend = sender.onReconnect(reporter::resendPending);
                Heartbeat heartbeat =
                        Heartbeat.start(reporter, job, properties.worker().progressInterval())) {
            Map<String, Object> result = runPipeline(pipeline, dispatch, job);
            heartbeat.close();
            reporter.succeeded(result);
            log.info("Job {} attempt {} succeeded", dispatch.jobId(), dispatch.attempt());
        } catch (JobCancelledException e) {
            if (cancellations.isShuttingDown() && !cancellations.isCancelled(dispatch.jobId())) {
                // as if the worker had died: the lease runs out and the next attempt goes to another worker
                reporter.silence();
                log.warn("Job {} attempt {} abandoned at shutdown", dispatch.jobId(), dispatch.attempt());
            } else {
                reporter.cancelled();
                log.info("Job {} attempt {} cancelled", dispatch.jobId(), dispatch.attempt());
            }
        } catch (AttemptSupersededException e) {
            reporter.silence();
            log.warn(e.getMessage());
        } catch (PipelineException e) {
            reporter.failed(e.toJobError());
            log.warn("Job {} attempt {} failed: {} {}", dispatch.jobId(), dispatch.attempt(), e.code(), e.getMessage());
        } catch (Exception | Error e) {
            log.error("Job {} attempt {} failed unexpectedly", dispatch.jobId(), dispatch.attempt(), e);
            reporter.failed(
                    JobError.retryable(JobError.PIPELINE_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage()));
        } finally {
            ScratchFiles.deleteQuietly(scratch);
        }
    }

    private <S> Map<String, Object> runPipeline(Pipeline<S, ?> pipeline, JobDispatch dispatch, RunningJob job)
            throws Exception {
        S spec;
        try {
            spec = json.convertValue(dispatch.spec(), pipeline.specType());
        } catch (JacksonException | IllegalArgumentException e) {
            throw PipelineException.invalidSpec(
                    "The spec does not fit the " + pipeline.type() + " pipeline: " + e.getMessage());
        }
        job.checkCancelled();
        Object result = pipeline.run(spec, job);
        job.checkCancelled();
        // the result record travels as the JSON object this mapper makes of it
        return result == null ? Map.of() : json.convertValue(result, RESULT_TYPE);
    }
}
