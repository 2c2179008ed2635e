package io.spikelot.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The API's configuration ({@code spikelot.*}, or {@code SPIKELOT_*} variables).
 *
 * @param apiKeys bootstrap keys, {@code tenant:key,tenant:key}; stored hashed at start
 * @param workerToken the credential of workers, which can only report events and upload artifacts: one token of at
 *     least 32 characters, or during a rotation the new and the old one, comma-separated; empty: no worker can report
 * @param broker broker naming
 * @param jobs job lifecycle settings
 * @param artifacts where artifacts are kept
 * @param outbox how long sent outbox rows are kept
 */
@Validated
@ConfigurationProperties("spikelot")
public record ApiProperties(
        @DefaultValue("") String apiKeys,
        @DefaultValue("") String workerToken,
        @Valid @NotNull @DefaultValue Broker broker,
        @Valid @NotNull @DefaultValue Jobs jobs,
        @Valid @NotNull @DefaultValue Artifacts artifacts,
        @Valid @NotNull @DefaultValue Outbox outbox) {

    /** Tokens shorter than this are refused at start-up, as short API keys are. */
    public static final int MIN_WORKER_TOKEN_LENGTH = 32;

    public ApiProperties {
        for (String token : workerTokens(workerToken)) {
            if (token.length() < MIN_WORKER_TOKEN_LENGTH) {
                throw new IllegalArgumentException("spikelot.worker-token: a worker token must have at least "
                        + MIN_WORKER_TOKEN_LENGTH + " characters, got one of " + token.length()
                        + " (generate one with: openssl rand -hex 32)");
            }
        }
    }

    /** The accepted worker tokens: during a rotation the new and the old one. */
    public List<String> workerTokens() {
        return workerTokens(workerToken);
    }

    private static List<String> workerTokens(String configured) {
        return Arrays.stream(configured.split(","))
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .toList();
    }

    /**
     * @param prefix first segment of every exchange and queue name
     * @param deleteOnShutdown delete this prefix's queues and exchanges when the API stops (tests only)
     */
    public record Broker(
            @DefaultValue("spikelot") @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String prefix,
            @DefaultValue("false") boolean deleteOnShutdown) {}

    /**
     * @param maxAttempts attempts before a job whose workers keep getting lost fails
     * @param lease how long a running job may stay silent before its worker is presumed lost
     * @param reaperInterval how often expired leases are looked for
     * @param relayInterval how often the outbox is polled as a safety net behind the after-commit publish
     * @param maxSpecBytes the largest accepted job-submission body
     * @param autoDevice the pool ({@code cpu} or {@code gpu}) of jobs whose spec asks for {@code "device": "auto"}
     */
    public record Jobs(
            @DefaultValue("3") @Min(1) @Max(20) int maxAttempts,
            @DefaultValue("20s") @NotNull Duration lease,
            @DefaultValue("2s") @NotNull Duration reaperInterval,
            @DefaultValue("1s") @NotNull Duration relayInterval,
            @DefaultValue("262144") @Min(1024) int maxSpecBytes,
            @DefaultValue("cpu") @Pattern(regexp = "cpu|gpu") String autoDevice) {}

    /**
     * @param store {@code database} (PostgreSQL, the default) or {@code filesystem}
     * @param dir the folder of the filesystem store
     * @param maxBytes the largest accepted artifact
     */
    public record Artifacts(
            @DefaultValue("database") @Pattern(regexp = "database|filesystem") String store,
            @DefaultValue("./spikelot-data/artifacts") Path dir,
            @DefaultValue("1073741824") @Min(1) long maxBytes) {}

    /**
     * Sent outbox rows are history only: they are deleted once older than {@code retention}.
     *
     * @param retention how long a sent row is kept (for inspection of what was dispatched)
     * @param cleanupInterval how often old sent rows are looked for
     * @param cleanupBatch rows deleted per transaction, so the relay and writers are never held up for long
     */
    public record Outbox(
            @DefaultValue("1d") @NotNull Duration retention,
            @DefaultValue("1m") @NotNull Duration cleanupInterval,
            @DefaultValue("1000") @Min(1) int cleanupBatch) {}
}
