package io.trendcast.local.cli;

import io.trendcast.local.stack.FunctionDefinition;
import io.trendcast.local.stack.LocalStack;
import io.trendcast.local.stack.StackDefinition;
import io.trendcast.local.stack.StackOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code trendcast up}: the local stack in the foreground until SIGTERM or Ctrl-C (FORMATS.md §5). */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Run the local stack (S3, DynamoDB, the functions, the HTTP API) until stopped.")
final class UpCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = ".trendcast", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--api-port", defaultValue = "8080", description = "HTTP API port (default: ${DEFAULT-VALUE}).")
    int apiPort;

    @Option(names = "--s3-port", defaultValue = "4566", description = "S3 port (default: ${DEFAULT-VALUE}).")
    int s3Port;

    @Option(names = "--deepar", description = "Also run the deeptrain function: DeepAR across each run, a candidate "
            + "of every shard's selection (loads the PyTorch natives; needs functions/deeptrain built).")
    boolean deepAr;

    @Override
    public Integer call() throws InterruptedException {
        LocalStack stack = LocalStack.start(StackOptions.defaults(dataDir, apiPort, s3Port).withDeepAr(deepAr));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("trendcast: stopping");
            stack.close();
            stopped.countDown();
        }, "trendcast-stop"));
        describe(stack);
        System.out.println(stack.readyLine());
        System.out.flush();
        stopped.await();
        return 0;
    }

    static void describe(LocalStack stack) {
        System.err.println("trendcast: functions running: " + (stack.runningFunctions().isEmpty() ? "none"
                : String.join(", ", stack.runningFunctions()))
                + (!stack.runningFunctions().containsAll(StackDefinition.FUNCTIONS.stream()
                .map(FunctionDefinition::name).toList())
                ? " (the others are not built; see infra/local/README.md)" : ""));
        System.err.println("trendcast: DynamoDB at " + stack.dynamoDbEndpoint() + "; Ctrl-C stops");
    }
}
