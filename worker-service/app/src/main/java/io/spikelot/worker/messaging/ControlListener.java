package io.spikelot.worker.messaging;

import io.spikelot.model.messaging.CancelRequest;
import io.spikelot.worker.runtime.Cancellations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Receives cancellation broadcasts on this worker's exclusive control queue. */
@Component
class ControlListener {

    private static final Logger log = LoggerFactory.getLogger(ControlListener.class);

    private final JsonMapper json;
    private final Cancellations cancellations;

    ControlListener(JsonMapper json, Cancellations cancellations) {
        this.json = json;
        this.cancellations = cancellations;
    }

    @RabbitListener(queues = "#{@controlQueue.name}", ackMode = "AUTO", concurrency = "1")
    void onControl(Message message) {
        try {
            CancelRequest request = json.readValue(message.getBody(), CancelRequest.class);
            if (request.jobId() != null) {
                cancellations.cancel(request.jobId());
            }
        } catch (JacksonException e) {
            log.warn("Ignoring an unreadable control message: {}", e.getOriginalMessage());
        }
    }
}
