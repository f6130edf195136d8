package org.creditmesh.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./creditmesh}: the command line a user tries first. Exit codes are part of its contract for
 * scripts: 0 success, 1 a verification that ran and failed (or a refused input), 2 a usage error.
 */
@Command(name = "creditmesh",
        mixinStandardHelpOptions = true,
        versionProvider = CreditMeshCli.Version.class,
        description = "CreditMesh: verifiable credentials for credit — keys, DIDs, issue, present, verify, status lists, scorecards, anchors.",
        subcommands = {
            KeysCommand.class,
            DidCommand.class,
            IssueCommand.class,
            PresentCommand.class,
            VerifyCommand.class,
            StatusCommand.class,
            ModelCommand.class,
            AnchorCommand.class,
            RegistryCommand.class,
            DemoCommand.class,
            UpCommand.class,
            TemplateCommand.class,
            CommandLine.HelpCommand.class
        })
public final class CreditMeshCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new CreditMeshCli());
        cli.setExecutionExceptionHandler(new FailureHandler());
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CreditMeshCli.class.getPackage().getImplementationVersion();
            return new String[] {"creditmesh " + (version == null ? "development build" : version)};
        }
    }
}
