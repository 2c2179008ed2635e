package io.spikelot.model.job;

import static io.spikelot.model.job.JobStatus.CANCELLED;
import static io.spikelot.model.job.JobStatus.CANCELLING;
import static io.spikelot.model.job.JobStatus.FAILED;
import static io.spikelot.model.job.JobStatus.QUEUED;
import static io.spikelot.model.job.JobStatus.RUNNING;
import static io.spikelot.model.job.JobStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobTransitionsTest {

    /** The lifecycle, written out independently of the implementation's table. */
    private static final Map<JobStatus, Set<JobStatus>> EXPECTED = Map.of(
            QUEUED, EnumSet.of(RUNNING, FAILED, CANCELLED),
            RUNNING, EnumSet.of(QUEUED, SUCCEEDED, FAILED, CANCELLING, CANCELLED),
            CANCELLING, EnumSet.of(CANCELLED, SUCCEEDED, FAILED),
            SUCCEEDED, EnumSet.noneOf(JobStatus.class),
            FAILED, EnumSet.noneOf(JobStatus.class),
            CANCELLED, EnumSet.noneOf(JobStatus.class));

    @Test
    void everyPairOfStatusesIsAllowedExactlyWhenTheLifecycleSaysSo() {
        for (JobStatus from : JobStatus.values()) {
            for (JobStatus to : JobStatus.values()) {
                boolean expected = EXPECTED.get(from).contains(to);
                assertThat(JobTransitions.isAllowed(from, to))
                        .as("%s -> %s", from, to)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void terminalStatusesAreExactlyThoseWithNoWayOut() {
        for (JobStatus status : JobStatus.values()) {
            assertThat(status.isTerminal())
                    .as("%s", status)
                    .isEqualTo(JobTransitions.allowedFrom(status).isEmpty());
        }
    }

    @Test
    void aRefusedTransitionNamesBothStatuses() {
        assertThatThrownBy(() -> JobTransitions.check(SUCCEEDED, RUNNING))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(SUCCEEDED);
                    assertThat(e.to()).isEqualTo(RUNNING);
                })
                .hasMessageContaining("SUCCEEDED")
                .hasMessageContaining("RUNNING");
    }

    @Test
    void stayingInTheSameStatusIsNeverATransition() {
        for (JobStatus status : JobStatus.values()) {
            assertThat(JobTransitions.isAllowed(status, status))
                    .as("%s", status)
                    .isFalse();
        }
    }

    @Test
    void wireNamesRoundTrip() {
        for (JobType type : JobType.values()) {
            assertThat(JobType.fromWireName(type.wireName())).contains(type);
        }
        assertThat(JobType.fromWireName("SLT")).isEmpty();
    }
}
