package io.spikelot.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikelot.pipeline.Pipeline;
import io.spikelot.pipeline.PipelineContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelinesTest {

    private record Named(String type, String label) implements Pipeline<Object, Map<String, Object>> {
        @Override
        public Class<Object> specType() {
            return Object.class;
        }

        @Override
        public Map<String, Object> run(Object spec, PipelineContext context) {
            return Map.of("label", label);
        }
    }

    @Test
    void theFirstPipelineInOrderOfPrecedenceRunsAType() {
        Named preferred = new Named("slt", "preferred");
        Pipelines pipelines = new Pipelines(List.of(preferred, new Named("slt", "shadowed"), new Named("qsnn", "q")));

        assertThat(pipelines.forType("slt")).containsSame(preferred);
        assertThat(pipelines.types()).containsExactly("slt", "qsnn");
        assertThat(pipelines.forType("imp")).isEmpty();
    }
}
