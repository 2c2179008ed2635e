package io.spikelot.cli;

/** What the process's exit status tells a pipeline step. */
enum ExitCode {
    /** The command did what was asked; for a wait, the job SUCCEEDED. */
    OK(0),
    /** The job FAILED. */
    FAILED(1),
    /** The job was CANCELLED. */
    CANCELLED(2),
    /** The input was refused: a usage error, an unreadable file, or a 4xx answer (field errors are printed). */
    BAD_INPUT(3),
    /** The API could not be reached, or stopped answering. */
    UNREACHABLE(4),
    /** The API answered with an error that is not the caller's input: 429 (quota) or 5xx. */
    API_ERROR(5),
    /** A downloaded artifact did not match the SHA-256 of the artifacts listing. */
    CORRUPT_DOWNLOAD(6);

    final int status;

    ExitCode(int status) {
        this.status = status;
    }

    /** The exit code for a job's terminal status, or {@link #OK} for any other. */
    static ExitCode ofJobStatus(String status) {
        return switch (status) {
            case "FAILED" -> FAILED;
            case "CANCELLED" -> CANCELLED;
            default -> OK;
        };
    }
}
