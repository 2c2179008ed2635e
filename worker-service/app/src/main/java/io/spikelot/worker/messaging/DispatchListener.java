package io.spikelot.worker.messaging;

import com.rabbitmq.client.Channel;
import io.spikelot.model.messaging.JobDispatch;
import io.spikelot.worker.runtime.ApiClient;
import io.spikelot.worker.runtime.JobRunner;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes one dispatch at a time from the pool's queue. The message is acknowledged as soon as the job has started:
 * a long job must not hold an unacknowledged delivery for hours, and a worker lost mid-job is the API's lease's
 * business, not the broker's.
 */
@Component
class DispatchListener {

    private static final Logger log = LoggerFactory.getLogger(DispatchListener.class);
    private static final long API_RETRY_PAUSE_MS = 5_000;

    private final JsonMapper json;
    private final ApiClient api;
    private final JobRunner runner;

    DispatchListener(JsonMapper json, ApiClient api, JobRunner runner) {
        this.json = json;
        this.api = api;
        this.runner = runner;
    }

    @RabbitListener(queues = "#{@dispatchQueueName}", ackMode = "MANUAL", concurrency = "1")
    void onDispatch(Message message, Channel channel) throws IOException, InterruptedException {
        long tag = message.getMessageProperties().getDeliveryTag();
        JobDispatch dispatch = read(message);
        if (dispatch == null) {
            channel.basicReject(tag, false); // poison: to the dead-letter queue
            return;
        }
        log.debug("Received attempt {} of job {}", dispatch.attempt(), dispatch.jobId());
        switch (api.claim(dispatch.jobId(), dispatch.attempt())) {
            case RUN ->
                runner.run(dispatch, new JobRunner.Delivery() {
                    @Override
                    public void ack() throws IOException {
                        channel.basicAck(tag, false);
                    }

                    @Override
                    public void requeue() throws IOException {
                        channel.basicNack(tag, false, true);
                    }
                });
            case DROP -> {
                log.info("Dropping attempt {} of job {}: no longer wanted", dispatch.attempt(), dispatch.jobId());
                channel.basicAck(tag, false);
            }
            case API_UNREACHABLE -> {
                log.warn("API unreachable; returning job {} to the queue", dispatch.jobId());
                Thread.sleep(API_RETRY_PAUSE_MS);
                channel.basicNack(tag, false, true);
            }
        }
    }

    private JobDispatch read(Message message) {
        try {
            JobDispatch dispatch = json.readValue(message.getBody(), JobDispatch.class);
            if (dispatch.jobId() != null
                    && dispatch.attempt() >= 1
                    && dispatch.type() != null
                    && dispatch.spec() != null) {
                return dispatch;
            }
            log.error("Dead-lettering an incomplete dispatch: {}", dispatch);
        } catch (JacksonException e) {
            log.error("Dead-lettering an unreadable dispatch: {}", e.getOriginalMessage());
        }
        return null;
    }
}
