package io.spikelot.worker;

import io.spikelot.model.job.ResourceClass;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The worker's configuration ({@code spikelot.*}, or {@code SPIKELOT_*} variables).
 *
 * @param apiUrl the API that receives artifacts
 * @param workerToken the worker credential shared with the API, at least 32 characters ({@code openssl rand -hex
 *     32}); a shorter or missing one stops the worker at start-up
 * @param datasetsRoot where dataset files are found (read-only)
 * @param broker broker naming, as on the API
 * @param worker this worker's pool, device and timing
 */
@Validated
@ConfigurationProperties("spikelot")
public record WorkerProperties(
        @NotNull URI apiUrl,
        @DefaultValue("") @Size(min = 32, message = "must have at least 32 characters (openssl rand -hex 32)")
                String workerToken,
        @NotNull Path datasetsRoot,
        @Valid @NotNull @DefaultValue Broker broker,
        @Valid @NotNull @DefaultValue Worker worker) {

    /** @param prefix first segment of every exchange and queue name */
    public record Broker(@DefaultValue("spikelot") @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String prefix) {}

    /**
     * @param resourceClass the pool, hence the queue, this worker consumes
     * @param device {@code auto}, {@code cpu}, or {@code gpu} (then a missing GPU stops the worker at start)
     * @param scratchDir where jobs get their private temporary folders
     * @param progressInterval how often progress is published; also the heartbeat, so well under the API's lease
     * @param id this worker's name in events; host name and process id when empty
     * @param apiConnectTimeout how long a call to the API may wait for a connection
     * @param apiReadTimeout how long a call to the API may wait for its answer once the request is sent; a hung API
     *     then fails the call (claims report the API unreachable, uploads retry) instead of blocking the job forever
     */
    public record Worker(
            @DefaultValue("cpu") @NotNull ResourceClass resourceClass,
            @DefaultValue("auto") @Pattern(regexp = "auto|cpu|gpu") String device,
            @NotNull Path scratchDir,
            @DefaultValue("5s") @NotNull Duration progressInterval,
            @DefaultValue("") String id,
            @DefaultValue("5s") @NotNull Duration apiConnectTimeout,
            @DefaultValue("120s") @NotNull Duration apiReadTimeout) {}
}
