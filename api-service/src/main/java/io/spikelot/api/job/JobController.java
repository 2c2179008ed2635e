package io.spikelot.api.job;

import io.spikelot.api.ApiProperties;
import io.spikelot.api.auth.Caller;
import io.spikelot.api.problem.ApiProblem;
import io.spikelot.api.problem.FieldError;
import io.spikelot.api.problem.ProblemType;
import io.spikelot.api.spec.JobSpecValidator;
import io.spikelot.api.spec.ValidatedSpec;
import io.spikelot.model.job.JobStatus;
import io.spikelot.model.job.JobType;
import io.spikelot.model.spec.ImpSpec;
import io.spikelot.model.spec.QsnnSpec;
import io.spikelot.model.spec.SltSpec;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.DiscriminatorMapping;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** Submit, read, list and cancel jobs. */
@Tag(name = "jobs", description = "Submit, follow, list and cancel jobs")
@RestController
@RequestMapping(path = "/api/v1/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
class JobController {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final int MAX_PAGE_SIZE = 100;

    private final JobService service;
    private final JobSpecValidator validator;
    private final ObjectReader strictReader;
    private final int maxBodyBytes;

    JobController(JobService service, JobSpecValidator validator, JsonMapper json, ApiProperties properties) {
        this.service = service;
        this.validator = validator;
        this.strictReader = json.reader()
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        this.maxBodyBytes = properties.jobs().maxSpecBytes();
    }

    @Operation(
            operationId = "submitJob",
            summary = "Submit a job",
            description = "Validates the spec, stores the job and queues it.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            description = "A job spec; its type field picks the kind of job",
                            content =
                                    @Content(
                                            schema =
                                                    @Schema(
                                                            oneOf = {SltSpec.class, ImpSpec.class, QsnnSpec.class},
                                                            discriminatorProperty = "type",
                                                            discriminatorMapping = {
                                                                @DiscriminatorMapping(
                                                                        value = "slt",
                                                                        schema = SltSpec.class),
                                                                @DiscriminatorMapping(
                                                                        value = "imp",
                                                                        schema = ImpSpec.class),
                                                                @DiscriminatorMapping(
                                                                        value = "qsnn",
                                                                        schema = QsnnSpec.class)
                                                            }))))
    @ApiResponse(
            responseCode = "201",
            description = "The job, stored and queued (or, for a repeated Idempotency-Key, the job it made before)",
            headers =
                    @Header(
                            name = "Idempotent-Replayed",
                            description = "true when this answer is a replay",
                            schema = @Schema(type = "boolean")),
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<JobView> submit(
            Caller.Tenant tenant,
            @Parameter(description = "Makes retries safe: the same key and body return the same job")
                    @RequestHeader(name = "Idempotency-Key", required = false)
                    String idempotencyKey,
            HttpServletRequest request)
            throws IOException {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ApiProblem.invalidField("Idempotency-Key", "must be 1 to 200 visible ASCII characters");
        }
        ValidatedSpec spec = validator.validate(readBody(request));
        JobService.Submission submission;
        try {
            submission = service.submit(tenant.id(), spec, idempotencyKey);
        } catch (DataIntegrityViolationException raced) {
            // a concurrent request with the same Idempotency-Key won the insert
            submission = service.replay(tenant.id(), idempotencyKey, service.requestHashOf(spec))
                    .orElseThrow(() -> raced);
        }
        return ResponseEntity.created(
                        URI.create("/api/v1/jobs/" + submission.job().id()))
                .header("Idempotent-Replayed", String.valueOf(submission.replayed()))
                .body(submission.job());
    }

    private JsonNode readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                throw tooLarge();
            }
            if (body.length == 0) {
                throw new ApiProblem(ProblemType.MALFORMED_JSON, "The request body is empty; send a JSON job spec");
            }
            return strictReader.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new ApiProblem(
                    ProblemType.MALFORMED_JSON,
                    "The request body nests too deeply or has a number" + " or string too long");
        } catch (JacksonException e) {
            // the parser's own wording names its internals; the position is what a client can act on
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ApiProblem(ProblemType.MALFORMED_JSON, "The request body is not valid JSON" + where);
        }
    }

    private ApiProblem tooLarge() {
        return new ApiProblem(ProblemType.PAYLOAD_TOO_LARGE, "A job spec may have at most " + maxBodyBytes + " bytes");
    }

    @Operation(operationId = "getJob", summary = "Read a job: status, progress, result, error")
    @GetMapping("/{id}")
    JobView get(Caller.Tenant tenant, @PathVariable UUID id) {
        return service.get(tenant.id(), id);
    }

    @Operation(
            operationId = "streamJobEvents",
            summary = "Stream a job's changes",
            description = "Server-sent events named 'job', each the whole job; the stream ends after a terminal"
                    + " status (reconnect to resume: the first event is always the job as it is now)")
    @ApiResponse(
            responseCode = "200",
            description = "text/event-stream: 'event: job', 'id: <version>', 'data: <the job as getJob shows it>',"
                    + " then a blank line, per change; ': keep-alive' comments in between",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(Caller.Tenant tenant, @PathVariable UUID id) throws IOException {
        return service.stream(tenant.id(), id);
    }

    @Operation(operationId = "listJobs", summary = "List jobs, newest first")
    @GetMapping
    JobPage list(
            Caller.Tenant tenant,
            @Parameter(schema = @Schema(implementation = JobStatus.class)) @RequestParam(required = false)
                    String status,
            @Parameter(schema = @Schema(ref = "#/components/schemas/JobType")) @RequestParam(required = false)
                    String type,
            @Parameter(description = "page index, from 0", schema = @Schema(type = "integer", minimum = "0"))
                    @RequestParam(defaultValue = "0")
                    String page,
            @Parameter(
                            description = "jobs per page",
                            schema = @Schema(type = "integer", minimum = "1", maximum = "" + MAX_PAGE_SIZE))
                    @RequestParam(defaultValue = "20")
                    String size) {
        List<FieldError> errors = new ArrayList<>();
        JobStatus statusFilter = parseStatus(status, errors);
        if (type != null && JobType.fromWireName(type).isEmpty()) {
            errors.add(new FieldError("type", "must be one of \"slt\", \"imp\", \"qsnn\""));
        }
        int pageIndex = parseInt("page", page, 0, 1_000_000, errors);
        int pageSize = parseInt("size", size, 1, MAX_PAGE_SIZE, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return service.list(tenant.id(), statusFilter, type, pageIndex, pageSize);
    }

    @Operation(
            operationId = "cancelJob",
            summary = "Cancel a job",
            description = "A job that already finished gives 409")
    @ApiResponse(
            responseCode = "202",
            description = "Cancellation asked for: the job, CANCELLING or CANCELLED",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @PostMapping("/{id}/cancel")
    ResponseEntity<JobView> cancel(Caller.Tenant tenant, @PathVariable UUID id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(service.cancel(tenant.id(), id));
    }

    private static JobStatus parseStatus(String status, List<FieldError> errors) {
        if (status == null) {
            return null;
        }
        try {
            return JobStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("status", "must be one of " + List.of(JobStatus.values())));
            return null;
        }
    }

    private static int parseInt(String name, String value, int min, int max, List<FieldError> errors) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be an integer in [" + min + ", " + max + "], got '" + value + "'"));
        return min;
    }
}
