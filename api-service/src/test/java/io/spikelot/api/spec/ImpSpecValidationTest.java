package io.spikelot.api.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikelot.api.ApiProperties;
import io.spikelot.api.problem.ApiProblem;
import io.spikelot.api.problem.FieldError;
import io.spikelot.model.spec.ImpSpec;
import io.spikelot.model.spec.PruningSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The cross-field rules of {@code imp} specs, and the Early-Bird defaults the validator fills in. */
class ImpSpecValidationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JobSpecValidator validator = new JobSpecValidator(new ApiProperties(
            "",
            "",
            new ApiProperties.Broker("spikelot", false),
            new ApiProperties.Jobs(
                    3, Duration.ofSeconds(90), Duration.ofSeconds(5), Duration.ofSeconds(1), 262144, "cpu"),
            new ApiProperties.Artifacts("database", Path.of("."), 1L << 30),
            new ApiProperties.Outbox(Duration.ofDays(1), Duration.ofMinutes(1), 1000)));

    @Test
    void anImpSpecLeavesTheEarlyBirdFieldsNullAndBindsToTheRecord() {
        JsonNode spec = validate(
                """
                {"type": "imp", "name": "imp", "model": {"architecture": "convnet-s"},
                 "dataset": {"name": "fashion-mnist"}}""");

        assertThat(spec.at("/pruning/method").asString()).isEqualTo("imp");
        assertThat(spec.at("/pruning/earlyBirdDistance").isNull()).isTrue();
        ImpSpec bound = JSON.treeToValue(spec, ImpSpec.class);
        assertThat(bound.pruning()).isEqualTo(PruningSettings.defaults());
    }

    @Test
    void anEarlyBirdSpecGetsTheReferenceDistanceQueueAndTargetRound() {
        JsonNode spec = validate(
                """
                {"type": "imp", "name": "eb", "model": {"architecture": "convnet-s", "timesteps": 5},
                 "dataset": {"name": "fashion-mnist"},
                 "pruning": {"method": "early-bird", "earlyTime": true}}""");

        ImpSpec bound = JSON.treeToValue(spec, ImpSpec.class);
        assertThat(bound.pruning())
                .isEqualTo(PruningSettings.earlyBirdDefaults().withEarlyTime(true, null));
    }

    @Test
    void everyImpossibleCombinationIsNamedAtOnce() {
        assertThatThrownBy(
                        () -> validate(
                                """
                        {"type": "imp", "name": "bad", "model": {"architecture": "convnet-s", "neuron": "relu"},
                         "dataset": {"name": "fashion-mnist"}, "training": {"epochs": 2},
                         "pruning": {"earlyBirdQueue": 3, "rewindEpoch": 2, "earlyTime": true,
                                     "earlyTimeCandidates": [5]}}"""))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(
                                problem.errors().stream().map(FieldError::field))
                        .containsExactlyInAnyOrder(
                                "pruning.earlyBirdQueue",
                                "pruning.rewindEpoch",
                                "pruning.earlyTime",
                                "pruning.earlyTimeCandidates[0]"));
    }

    private JsonNode validate(String body) {
        return validator.validate(JSON.readTree(body)).spec();
    }
}
