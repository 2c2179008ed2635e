package io.spikelot.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikelot.model.messaging.EventKind;
import io.spikelot.model.messaging.JobError;
import io.spikelot.model.messaging.JobEvent;
import io.spikelot.model.messaging.JobProgress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AttemptReporterTest {

    /** Records what would have been published; while {@code down} the broker takes nothing. */
    private static final class RecordingSender extends EventSender {
        final List<JobEvent> sent = new ArrayList<>();
        boolean down;

        RecordingSender() {
            super(null, null, null);
        }

        @Override
        boolean send(JobEvent event, boolean mustArrive) {
            if (down) {
                return false;
            }
            sent.add(event);
            return true;
        }
    }

    private final RecordingSender sender = new RecordingSender();
    private final UUID job = UUID.randomUUID();
    private final AttemptReporter reporter = new AttemptReporter(job, 2, "w1", sender, Clock.systemUTC());

    @Test
    void eventsOfAnAttemptAreNumberedFromOneInOrder() {
        reporter.started(JobProgress.started("go"));
        reporter.progress(JobProgress.started("half"));
        reporter.succeeded(Map.of("accuracy", 0.9));

        assertThat(sender.sent).extracting(JobEvent::sequence).containsExactly(1L, 2L, 3L);
        assertThat(sender.sent)
                .extracting(JobEvent::kind)
                .containsExactly(EventKind.STARTED, EventKind.PROGRESS, EventKind.SUCCEEDED);
        assertThat(sender.sent).allSatisfy(e -> {
            assertThat(e.jobId()).isEqualTo(job);
            assertThat(e.attempt()).isEqualTo(2);
        });
    }

    @Test
    void nothingIsPublishedAfterTheTerminalEventOrASilencing() {
        reporter.started(JobProgress.started("go"));
        reporter.cancelled();
        reporter.progress(JobProgress.started("a late heartbeat"));
        reporter.failed(JobError.retryable(JobError.PIPELINE_ERROR, "too late"));

        assertThat(sender.sent).extracting(JobEvent::kind).containsExactly(EventKind.STARTED, EventKind.CANCELLED);

        RecordingSender other = new RecordingSender();
        AttemptReporter superseded = new AttemptReporter(job, 3, "w1", other, Clock.systemUTC());
        superseded.silence();
        superseded.succeeded(Map.of());
        assertThat(other.sent).isEmpty();
    }

    @Test
    void progressDuringABrokerOutageCoalescesIntoTheLatestSentOnceOnReconnect() {
        reporter.started(JobProgress.started("go"));
        sender.down = true;
        reporter.progress(JobProgress.started("epoch 1"));
        reporter.progress(JobProgress.started("epoch 2"));
        reporter.progress(JobProgress.started("epoch 3"));
        assertThat(sender.sent).hasSize(1);

        sender.down = false;
        reporter.resendPending();
        reporter.resendPending();

        assertThat(sender.sent).hasSize(2);
        JobEvent resent = sender.sent.get(1);
        assertThat(resent.kind()).isEqualTo(EventKind.PROGRESS);
        assertThat(resent.progress().message()).isEqualTo("epoch 3");
        assertThat(resent.sequence()).isGreaterThan(sender.sent.get(0).sequence());
    }

    @Test
    void nothingPendingIsResentAfterTheTerminalEvent() {
        sender.down = true;
        reporter.progress(JobProgress.started("epoch 1"));
        sender.down = false;
        reporter.succeeded(Map.of());
        reporter.resendPending();

        assertThat(sender.sent).extracting(JobEvent::kind).containsExactly(EventKind.SUCCEEDED);
    }
}
