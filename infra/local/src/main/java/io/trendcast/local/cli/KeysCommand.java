package io.trendcast.local.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code trendcast keys}: API key administration of the local stack. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage API keys of the local stack.",
        subcommands = {KeysCreateCommand.class, KeysRevokeCommand.class})
final class KeysCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
