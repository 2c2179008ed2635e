package io.spikelot.local;

import io.spikelot.model.messaging.JobProgress;
import io.spikelot.pipeline.Pipeline;
import io.spikelot.pipeline.PipelineContext;
import io.spikelot.pipeline.PipelineException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.Ordered;

/**
 * A test-only pipeline that stands in for a real one on the {@code slt} type: it "trains" for
 * {@code training.epochs × 10} steps of {@value #STEP_MS} ms, checks cancellation at every step, reports progress,
 * uploads two artifacts and returns a result. A job named {@code diverge...} fails as a diverged run would; one
 * named {@code instant...} returns at once (for dispatch-latency measurements).
 */
class ScriptedPipeline implements Pipeline<ScriptedPipeline.Spec, Map<String, Object>>, Ordered {

    /** Runs {@code slt} jobs in place of the real pipeline, whose training these tests do not need. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    static final int STEP_MS = 100;
    static final int STEPS_PER_EPOCH = 10;

    /** The part of an slt spec this pipeline reads. */
    record Spec(String name, Training training) {
        record Training(int epochs) {}
    }

    @Override
    public String type() {
        return "slt";
    }

    @Override
    public Class<Spec> specType() {
        return Spec.class;
    }

    @Override
    public Map<String, Object> run(Spec spec, PipelineContext context) throws Exception {
        if (spec.name().startsWith("instant")) {
            return Map.of("steps", 0);
        }
        int steps = spec.training().epochs() * STEPS_PER_EPOCH;
        for (int step = 1; step <= steps; step++) {
            context.checkCancelled();
            if (spec.name().startsWith("diverge") && step == 3) {
                throw PipelineException.diverged("loss became NaN at step " + step);
            }
            Thread.sleep(STEP_MS);
            int epoch = (step - 1) / STEPS_PER_EPOCH + 1;
            context.progress(new JobProgress(
                    (double) step / steps,
                    epoch,
                    spec.training().epochs(),
                    "step " + step + "/" + steps,
                    Map.of("loss", 1.0 / step)));
        }
        byte[] mask = new byte[1000];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = (byte) (i % 7);
        }
        context.artifacts().put("mask.bin", "application/octet-stream", mask);
        context.artifacts()
                .put(
                        "result.json",
                        "application/json",
                        ("{\"steps\": " + steps + "}").getBytes(StandardCharsets.UTF_8));
        return Map.of("steps", steps, "accuracy", 0.5);
    }
}
