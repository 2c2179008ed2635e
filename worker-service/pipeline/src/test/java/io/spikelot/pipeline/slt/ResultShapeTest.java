package io.spikelot.pipeline.slt;

import static io.spikelot.pipeline.slt.SltSpecFixtures.aSltSpec;
import static io.spikelot.pipeline.slt.SltSpecFixtures.biprop;
import static io.spikelot.pipeline.slt.SltSpecFixtures.edgePopup;
import static org.assertj.core.api.Assertions.assertThat;

import io.spikelot.model.spec.QuantizationSettings.Allocation;
import io.spikelot.pipeline.Pipeline;
import io.spikelot.pipeline.qsnn.QsnnPipeline;
import io.spikelot.pipeline.qsnn.QsnnSpecFixtures;
import io.spikelot.pipeline.testing.JsonShape;
import io.spikelot.pipeline.testing.ModelSchema;
import io.spikelot.pipeline.testing.RecordingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The result and {@code model.json} of each job type name the same fields, with the same JSON types, as the
 * map-building code they replaced: the shapes under {@code src/test/resources/result-shapes} were captured from that
 * code's output for these specs (the Spikformer one on 16 training and 8 test images; the field set does not
 * depend on the sizes), plus the fields added since (model.json's graph and preprocessing). The result is checked
 * three ways: as the worker's JSON mapper serialises it (what the API stores and serves), as {@code result.json},
 * and {@code model.json}. Each job's {@code model.json} also validates against the published JSON Schema.
 */
class ResultShapeTest {

    @TempDir
    Path scratch;

    static List<Arguments> jobs() {
        SltPipeline slt = new SltPipeline(Path.of("unused"));
        return List.of(
                Arguments.of(
                        "slt-single",
                        slt,
                        aSltSpec()
                                .withSearch(edgePopup(0.5).withCompareAnn(true))
                                .build()),
                Arguments.of(
                        "slt-sweep",
                        slt,
                        aSltSpec()
                                .withSearch(
                                        biprop(0.5).withSweep(List.of(0.3, 0.5)).withCompareAnn(true))
                                .build()),
                Arguments.of(
                        "slt-multisp",
                        slt,
                        aSltSpec()
                                .withArchitecture("spikformer-tiny")
                                .withDataset("synthetic-static", 8, 4)
                                .withSearch(biprop(0.4).withPatchPruneRatio(0.3).withFineTuneEpochs(1))
                                .build()),
                Arguments.of(
                        "qsnn",
                        new QsnnPipeline(Path.of("unused")),
                        QsnnSpecFixtures.aQsnnSpec()
                                .withAllocations(new Allocation(4, 2, 1), new Allocation(1, 1, 2))
                                .build()));
    }

    /** Each job runs once for both tests: its result and the files it wrote, by job name. */
    private static final Map<String, Run> RUNS = new ConcurrentHashMap<>();

    private record Run(Object result, RecordingContext context) {}

    private <S> Run run(String name, Pipeline<S, ?> pipeline, S spec) throws Exception {
        Run done = RUNS.get(name);
        if (done == null) {
            RecordingContext context = new RecordingContext(scratch);
            done = new Run(pipeline.run(spec, context), context);
            RUNS.put(name, done);
        }
        return done;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jobs")
    <S> void resultAndModelDescriptionKeepTheirFieldSets(String name, Pipeline<S, ?> pipeline, S spec)
            throws Exception {
        Run run = run(name, pipeline, spec);
        RecordingContext context = run.context();
        Object result = run.result();

        String expectedResult = shape(name + "-result");
        assertThat(JsonShape.of(JsonMapper.builder().build().writeValueAsString(result)))
                .as("the result as the worker sends it")
                .isEqualTo(expectedResult);
        assertThat(JsonShape.of(context.text("result.json"))).as("result.json").isEqualTo(expectedResult);
        assertThat(JsonShape.of(context.text("model.json"))).as("model.json").isEqualTo(shape(name + "-model"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jobs")
    <S> void modelJsonValidatesAgainstThePublishedSchema(String name, Pipeline<S, ?> pipeline, S spec)
            throws Exception {
        String model = run(name, pipeline, spec).context().text("model.json");
        assertThat(ModelSchema.violations(model)).as(model).isEmpty();
    }

    private static String shape(String name) throws IOException {
        try (InputStream in = ResultShapeTest.class.getResourceAsStream("/result-shapes/" + name + ".shape")) {
            assertThat(in).as(name + ".shape").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
