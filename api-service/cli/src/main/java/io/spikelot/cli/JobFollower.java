package io.spikelot.cli;

import io.spikelot.model.job.JobStatus;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.UUID;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Follows a job to its terminal status through {@code GET /api/v1/jobs/{id}/events}, the server-sent events that
 * carry the whole job at every change. A stream that ends early (its 30-minute timeout, an API restart, a dropped
 * connection) is opened again: its first event is always the job as it is then, so nothing is missed.
 */
final class JobFollower {

    private static final int MAX_FAILED_CONNECTS = 10;
    private static final long FIRST_BACKOFF_MS = 500;
    private static final long MAX_BACKOFF_MS = 10_000;

    private final ApiClient client;
    private final ProgressDisplay display;

    JobFollower(ApiClient client, ProgressDisplay display) {
        this.client = client;
        this.display = display;
    }

    /** Blocks until the job is SUCCEEDED, FAILED or CANCELLED; returns it as it is then. */
    JsonNode follow(UUID id) {
        String path = "/api/v1/jobs/" + id + "/events";
        int failedConnects = 0;
        while (true) {
            try (Stream<String> lines = client.eventStream(path)) {
                failedConnects = 0;
                JsonNode terminal = untilTerminal(lines.iterator());
                if (terminal != null) {
                    display.finish(terminal);
                    return terminal;
                }
            } catch (UncheckedIOException dropped) {
                failedConnects++;
            } catch (CliException failure) {
                // connection trouble, a 503 while the database is away, a restarting API: try again a while
                boolean passing = failure.code() == ExitCode.UNREACHABLE || failure.code() == ExitCode.API_ERROR;
                if (!passing || ++failedConnects > MAX_FAILED_CONNECTS) {
                    throw failure;
                }
            }
            pause(Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(failedConnects, 5)));
        }
    }

    /** Reads events until a terminal job; null when the stream ends before one. */
    private JsonNode untilTerminal(Iterator<String> lines) {
        String event = "message";
        StringBuilder data = new StringBuilder();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty()) {
                if ("job".equals(event) && !data.isEmpty()) {
                    JsonNode job = ApiClient.JSON.readTree(data.toString());
                    if (isTerminal(job)) {
                        return job;
                    }
                    display.update(job);
                }
                event = "message";
                data.setLength(0);
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                if (!data.isEmpty()) {
                    data.append('\n');
                }
                data.append(line.substring(5).stripLeading());
            }
            // "id:" and ":" comments (keep-alives) need nothing
        }
        return null;
    }

    static boolean isTerminal(JsonNode job) {
        try {
            return JobStatus.valueOf(job.path("status").asString()).isTerminal();
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.UNREACHABLE, "Interrupted while waiting for the job", e);
        }
    }
}
