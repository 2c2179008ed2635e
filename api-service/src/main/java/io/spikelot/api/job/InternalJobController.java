package io.spikelot.api.job;

import io.spikelot.api.auth.Caller;
import io.spikelot.api.problem.ApiProblem;
import io.spikelot.api.problem.ProblemType;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The worker's question before it runs a dispatch: is this attempt still wanted? */
@RestController
@RequestMapping(path = "/api/v1/internal/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
class InternalJobController {

    private final JobService service;

    InternalJobController(JobService service) {
        this.service = service;
    }

    /** 200 when the attempt is current and the job not finished or cancelled; 409 when the worker should drop it. */
    @PostMapping("/{id}/attempts/{attempt}/claim")
    Map<String, Object> claim(Caller.Worker worker, @PathVariable UUID id, @PathVariable int attempt) {
        if (!service.isWanted(id, attempt)) {
            throw new ApiProblem(ProblemType.CONFLICT, "Attempt " + attempt + " of job " + id + " is no longer wanted");
        }
        return Map.of("jobId", id, "attempt", attempt, "run", true);
    }
}
