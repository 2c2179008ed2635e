package io.spikelot.api.artifact;

import io.spikelot.api.auth.Caller;
import io.spikelot.api.job.JobService;
import io.spikelot.api.problem.ApiProblem;
import io.spikelot.api.problem.ProblemType;
import io.spikelot.model.artifact.ArtifactDescriptor;
import io.spikelot.model.artifact.ArtifactNames;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists and serves a job's artifacts: ETag = SHA-256, Content-Length, and Range requests. */
@Tag(name = "artifacts", description = "A job's files")
@RestController
@RequestMapping("/api/v1/jobs/{id}/artifacts")
class ArtifactController {

    private final Artifacts store;
    private final JobService jobs;

    ArtifactController(Artifacts store, JobService jobs) {
        this.store = store;
        this.jobs = jobs;
    }

    @Operation(operationId = "listArtifacts", summary = "List a job's artifacts")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    List<ArtifactDescriptor> list(Caller.Tenant tenant, @PathVariable UUID id) {
        requireVisible(tenant, id);
        return store.list(id);
    }

    @Operation(
            operationId = "downloadArtifact",
            summary = "Download an artifact",
            description = "Supports Range and If-None-Match; the ETag is the SHA-256 of the bytes")
    @ApiResponse(
            responseCode = "200",
            description = "The bytes",
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "206", description = "The requested range of the bytes")
    @ApiResponse(responseCode = "304", description = "If-None-Match matched: not modified")
    @GetMapping("/{name}")
    ResponseEntity<Resource> download(
            Caller.Tenant tenant,
            @PathVariable UUID id,
            @PathVariable String name,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @RequestHeader(name = HttpHeaders.RANGE, required = false) String range) {
        requireVisible(tenant, id);
        ArtifactDescriptor artifact = (ArtifactNames.isValid(name)
                        ? store.describe(id, name)
                        : java.util.Optional.<ArtifactDescriptor>empty())
                .orElseThrow(() -> ApiProblem.notFound("Artifact '" + name + "' of job " + id));
        String etag = "\"" + artifact.sha256() + "\"";
        if (ifNoneMatch != null
                && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        Resource content = store.open(id, name);
        checkRange(range, content, artifact.size());
        return ResponseEntity.ok()
                .eTag(etag)
                .contentType(MediaType.parseMediaType(artifact.contentType()))
                .contentLength(artifact.size())
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(artifact.name())
                                .build()
                                .toString())
                .body(content);
    }

    /** Refuses an unsatisfiable range with problem+json; a satisfiable one is served by Spring as 206. */
    private static void checkRange(String range, Resource content, long size) {
        if (range == null) {
            return;
        }
        try {
            HttpRange.toResourceRegions(HttpRange.parseRanges(range), content);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(
                            ProblemType.RANGE_NOT_SATISFIABLE,
                            "Range '" + range + "' is outside the " + size + " bytes of this artifact, or malformed")
                    .withHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
        }
    }

    private void requireVisible(Caller.Tenant tenant, UUID id) {
        if (!jobs.isVisible(tenant.id(), id)) {
            throw ApiProblem.notFound("Job " + id);
        }
    }
}
