package io.spikelot.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code spikelot} command: global options and the subcommands. */
@Command(
        name = "spikelot",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT, // --help and --version on every subcommand too
        versionProvider = Spikelot.Version.class,
        exitCodeOnExecutionException = 5,
        description = "Submit, follow and download Spikelot jobs from a pipeline step.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done; for a wait, the job SUCCEEDED",
            "1:the job FAILED",
            "2:the job was CANCELLED",
            "3:bad input (usage, unreadable file, a 4xx answer: its field errors are printed)",
            "4:the API could not be reached",
            "5:the API answered 429 or 5xx",
            "6:a download did not match its SHA-256"
        },
        subcommands = {
            SubmitCommand.class,
            StatusCommand.class,
            ListCommand.class,
            CancelCommand.class,
            ArtifactsCommand.class,
            EstimateCommand.class
        })
public final class Spikelot {

    /** How results are printed on stdout. */
    enum OutputFormat {
        json,
        text
    }

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--url",
            scope = ScopeType.INHERIT,
            defaultValue = "${env:SPIKELOT_URL}",
            description = "API base URL, e.g. http://127.0.0.1:8080 (default: $SPIKELOT_URL)")
    String url;

    @Option(
            names = "--api-key",
            scope = ScopeType.INHERIT,
            defaultValue = "${env:SPIKELOT_API_KEY}",
            description = "API key (default: $SPIKELOT_API_KEY)")
    String apiKey;

    @Option(
            names = "--output",
            scope = ScopeType.INHERIT,
            defaultValue = "text",
            description = "json or text (default: ${DEFAULT-VALUE})")
    OutputFormat output;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line: exit codes of {@link ExitCode}, errors printed without stack traces. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Spikelot());
        // picocli's own code for usage errors is 2, which here means CANCELLED
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine command = exception.getCommandLine();
            command.getErr().println("spikelot: " + exception.getMessage());
            command.usage(command.getErr());
            command.getErr().flush();
            return ExitCode.BAD_INPUT.status;
        });
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
            PrintWriter err = command.getErr();
            if (exception instanceof CliException failure) {
                if (failure instanceof ApiRefusal refusal
                        && refusal.problem() != null
                        && command.getCommand() instanceof JobCommand job
                        && job.root().output == OutputFormat.json) {
                    command.getOut().println(ApiClient.JSON.writeValueAsString(refusal.problem()));
                    command.getOut().flush();
                }
                err.println("spikelot: " + failure.getMessage());
                err.flush();
                return failure.code().status;
            }
            err.println("spikelot: " + exception);
            err.flush();
            return ExitCode.API_ERROR.status;
        });
        return commandLine;
    }

    ApiClient client() {
        return new ApiClient(url, apiKey);
    }

    Printer printer() {
        return new Printer(spec.commandLine().getOut(), output);
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The version of this build, from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Spikelot.class.getPackage().getImplementationVersion();
            return new String[] {"spikelot " + (version == null ? "(development build)" : version)};
        }
    }
}
