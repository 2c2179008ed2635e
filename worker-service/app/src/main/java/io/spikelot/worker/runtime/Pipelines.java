package io.spikelot.worker.runtime;

import io.spikelot.pipeline.Pipeline;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The pipelines this worker can run, by job type. */
@Component
public class Pipelines {

    private final Map<String, Pipeline<?>> byType;

    Pipelines(List<Pipeline<?>> pipelines) {
        this.byType = pipelines.stream().collect(Collectors.toUnmodifiableMap(Pipeline::type, Function.identity()));
    }

    public Optional<Pipeline<?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public java.util.Set<String> types() {
        return byType.keySet();
    }
}
