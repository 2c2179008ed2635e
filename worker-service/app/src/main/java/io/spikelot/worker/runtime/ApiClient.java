package io.spikelot.worker.runtime;

import io.spikelot.model.artifact.ArtifactDescriptor;
import io.spikelot.worker.WorkerProperties;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The worker's calls to the API, with the worker credential: claim an attempt, upload an artifact, read back one
 * that an earlier attempt of the job uploaded.
 */
@Component
public class ApiClient {

    /** What to do with a dispatch. */
    public enum Claim {
        RUN,
        DROP,
        API_UNREACHABLE
    }

    private static final Logger log = LoggerFactory.getLogger(ApiClient.class);
    /** Enough tries, with the back-off below, to ride out an API restart of about a minute. */
    private static final int UPLOAD_TRIES = 9;

    private final RestClient client;

    ApiClient(RestClient.Builder builder, WorkerProperties properties) {
        // Blocking calls on the caller's thread. The JDK client's factory sends asynchronously and completes through
        // CompletableFuture's default executor, which below three cores starts a thread per call.
        // Bounded waits: a blackholed or hung API must fail the call rather than hold the job's thread forever.
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.worker().apiConnectTimeout());
        requests.setReadTimeout(properties.worker().apiReadTimeout());
        this.client = builder.requestFactory(requests)
                .baseUrl(properties.apiUrl().toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + properties.workerToken())
                .build();
    }

    /** Asks whether this attempt is still wanted: a cancelled or superseded one is dropped. */
    public Claim claim(UUID jobId, int attempt) {
        try {
            client.post()
                    .uri("/api/v1/internal/jobs/{id}/attempts/{attempt}/claim", jobId, attempt)
                    .retrieve()
                    .toBodilessEntity();
            return Claim.RUN;
        } catch (HttpClientErrorException.Conflict e) {
            return Claim.DROP;
        } catch (RestClientException e) {
            log.warn("Cannot claim job {}: {}", jobId, e.toString());
            return Claim.API_UNREACHABLE;
        }
    }

    /** Uploads with the SHA-256 the API checks; retried on transient failures. */
    public void upload(UUID jobId, int attempt, ArtifactDescriptor artifact, byte[] content) throws IOException {
        retried(jobId, attempt, "upload", artifact.name(), () -> client.put()
                .uri("/api/v1/internal/jobs/{id}/attempts/{attempt}/artifacts/{name}", jobId, attempt, artifact.name())
                .contentType(MediaType.parseMediaType(artifact.contentType()))
                .header("X-Checksum-SHA256", artifact.sha256())
                .body(content)
                .retrieve()
                .toBodilessEntity());
    }

    /**
     * The bytes of the job's artifact {@code name}, read by its current attempt (an earlier attempt's checkpoint);
     * empty when there is none. Retried on transient failures as uploads are.
     */
    public Optional<byte[]> download(UUID jobId, int attempt, String name) throws IOException {
        try {
            return Optional.ofNullable(retried(jobId, attempt, "download", name, () -> client.get()
                    .uri("/api/v1/internal/jobs/{id}/attempts/{attempt}/artifacts/{name}", jobId, attempt, name)
                    .retrieve()
                    .body(byte[].class)));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    /** Thrown inside {@link #download} for a 404, to tell "no such file" from a refusal. */
    private static final class NotFound extends IOException {
        NotFound(String name, HttpClientErrorException cause) {
            super("The API has no artifact " + name + ": " + cause.getResponseBodyAsString(), cause);
        }
    }

    /**
     * Runs {@code call} up to {@value #UPLOAD_TRIES} times with back-off while the API cannot be reached; a 409 means
     * the attempt was superseded, any other refusal is final.
     */
    private <T> T retried(UUID jobId, int attempt, String what, String name, Supplier<T> call) throws IOException {
        RestClientException last = null;
        for (int i = 1; i <= UPLOAD_TRIES; i++) {
            try {
                return call.get();
            } catch (HttpClientErrorException e) {
                if (e.getStatusCode() == HttpStatus.CONFLICT) {
                    throw new AttemptSupersededException(jobId, attempt);
                }
                if (e.getStatusCode() == HttpStatus.NOT_FOUND) {
                    throw new NotFound(name, e);
                }
                throw new IOException(
                        "The API refused the " + what + " of artifact " + name + ": " + e.getStatusCode() + " "
                                + e.getResponseBodyAsString(),
                        e);
            } catch (RestClientException e) {
                last = e;
                log.warn("The {} of {} failed (try {}/{}): {}", what, name, i, UPLOAD_TRIES, e.toString());
                sleep(Math.min(1_000L << (i - 1), 10_000L));
            }
        }
        throw new IOException("Could not " + what + " artifact " + name + " after " + UPLOAD_TRIES + " tries", last);
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while retrying an upload", e);
        }
    }
}
