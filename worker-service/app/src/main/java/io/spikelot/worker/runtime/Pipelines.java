package io.spikelot.worker.runtime;

import io.spikelot.pipeline.Pipeline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The pipelines this worker can run, by job type. When two pipelines claim one type, the first in Spring's order
 * ({@code @Order} / {@code Ordered}) runs it: a deployment or a test can replace a pipeline without removing it.
 */
@Component
public class Pipelines {

    private static final Logger log = LoggerFactory.getLogger(Pipelines.class);

    private final Map<String, Pipeline<?, ?>> byType = new LinkedHashMap<>();

    /** @param pipelines every pipeline bean, in Spring's order of precedence */
    Pipelines(List<Pipeline<?, ?>> pipelines) {
        for (Pipeline<?, ?> pipeline : pipelines) {
            Pipeline<?, ?> kept = byType.putIfAbsent(pipeline.type(), pipeline);
            if (kept != null) {
                log.warn(
                        "Pipeline {} for '{}' is shadowed by {}",
                        pipeline.getClass().getName(),
                        pipeline.type(),
                        kept.getClass().getName());
            }
        }
    }

    public Optional<Pipeline<?, ?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Set<String> types() {
        return byType.keySet();
    }
}
