package io.spikelot.cli;

/** A command that cannot go on: its message is printed to stderr and its code becomes the exit status. */
class CliException extends RuntimeException {

    private final ExitCode code;

    CliException(ExitCode code, String message) {
        super(message);
        this.code = code;
    }

    CliException(ExitCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    ExitCode code() {
        return code;
    }
}
