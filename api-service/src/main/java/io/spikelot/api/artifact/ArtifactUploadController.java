package io.spikelot.api.artifact;

import io.spikelot.api.ApiProperties;
import io.spikelot.api.auth.Caller;
import io.spikelot.api.job.JobService;
import io.spikelot.api.problem.ApiProblem;
import io.spikelot.api.problem.ProblemType;
import io.spikelot.model.artifact.ArtifactDescriptor;
import io.spikelot.model.artifact.ArtifactNames;
import io.spikelot.model.artifact.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where workers upload artifacts, with the SHA-256 they computed (the API checks it before storing), and where the
 * current attempt reads back a file an earlier attempt uploaded: the checkpoint an {@code imp} job resumes from.
 */
@RestController
@RequestMapping("/api/v1/internal/jobs/{id}/attempts/{attempt}/artifacts")
class ArtifactUploadController {

    static final String CHECKSUM_HEADER = "X-Checksum-SHA256";

    private final Artifacts store;
    private final JobService jobs;
    private final long maxBytes;

    ArtifactUploadController(Artifacts store, JobService jobs, ApiProperties properties) {
        this.store = store;
        this.jobs = jobs;
        this.maxBytes = Math.min(properties.artifacts().maxBytes(), Integer.MAX_VALUE - 16);
    }

    @PutMapping(path = "/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    ArtifactDescriptor upload(
            Caller.Worker worker,
            @PathVariable UUID id,
            @PathVariable int attempt,
            @PathVariable String name,
            @RequestHeader(CHECKSUM_HEADER) String checksum,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, defaultValue = "application/octet-stream")
                    String contentType,
            HttpServletRequest request)
            throws IOException {
        if (!ArtifactNames.isValid(name)) {
            throw ApiProblem.invalidField("name", "must be a plain file name of letters, digits, '.', '_' or '-'");
        }
        MediaType mediaType = parseMediaType(contentType);
        if (!jobs.isCurrentAttempt(id, attempt)) {
            throw new ApiProblem(
                    ProblemType.CONFLICT,
                    "Attempt " + attempt + " of job " + id + " is not the current one, or the job has finished");
        }
        byte[] content = readAtMost(request, maxBytes);
        String actual = Sha256.hex(content);
        if (!Sha256.same(actual, checksum.toLowerCase(java.util.Locale.ROOT))) {
            throw ApiProblem.invalidField(CHECKSUM_HEADER, "does not match the body's SHA-256 " + actual);
        }
        ArtifactDescriptor descriptor = new ArtifactDescriptor(name, content.length, actual, mediaType.toString());
        store.put(id, attempt, descriptor, content);
        return descriptor;
    }

    /** The stored bytes of {@code name}, for the job's current attempt only; 404 when there is no such file. */
    @GetMapping("/{name}")
    ResponseEntity<Resource> download(
            Caller.Worker worker, @PathVariable UUID id, @PathVariable int attempt, @PathVariable String name) {
        if (!jobs.isCurrentAttempt(id, attempt)) {
            throw new ApiProblem(
                    ProblemType.CONFLICT,
                    "Attempt " + attempt + " of job " + id + " is not the current one, or the job has finished");
        }
        ArtifactDescriptor artifact = (ArtifactNames.isValid(name)
                        ? store.describe(id, name)
                        : Optional.<ArtifactDescriptor>empty())
                .orElseThrow(() -> ApiProblem.notFound("Artifact '" + name + "' of job " + id));
        return ResponseEntity.ok()
                .eTag("\"" + artifact.sha256() + "\"")
                .contentType(MediaType.parseMediaType(artifact.contentType()))
                .contentLength(artifact.size())
                .body(store.open(id, name));
    }

    private static MediaType parseMediaType(String contentType) {
        try {
            return MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("Content-Type", "is not a media type: " + contentType);
        }
    }

    private static byte[] readAtMost(HttpServletRequest request, long maxBytes) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw new ApiProblem(ProblemType.PAYLOAD_TOO_LARGE, "An artifact may have at most " + maxBytes + " bytes");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] content = in.readNBytes((int) maxBytes + 1);
            if (content.length > maxBytes) {
                throw new ApiProblem(
                        ProblemType.PAYLOAD_TOO_LARGE, "An artifact may have at most " + maxBytes + " bytes");
            }
            return content;
        }
    }
}
