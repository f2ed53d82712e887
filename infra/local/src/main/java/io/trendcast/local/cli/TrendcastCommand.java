package io.trendcast.local.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code trendcast} command line. */
@Command(name = "trendcast", mixinStandardHelpOptions = true, version = "trendcast 0.1.0",
        description = "Serverless sales-trend forecasting: batch forecasts and the local stack.",
        subcommands = {UpCommand.class, KeysCommand.class, UploadCommand.class, DemoCommand.class,
                ForecastCommand.class, BenchCommand.class, AnalyzeCommand.class, CostsCommand.class,
                EstimateCommand.class})
public final class TrendcastCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new TrendcastCommand())
                .setExecutionExceptionHandler((error, failed, parsed) -> {
                    System.err.println("trendcast " + failed.getCommandName() + ": " + error.getMessage());
                    if (Boolean.getBoolean("trendcast.trace")) {
                        error.printStackTrace();
                    }
                    return 1;
                });
        System.exit(commandLine.execute(args));
    }
}
