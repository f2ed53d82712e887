package io.trendcast.local.lambda;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One function as the SAM template declares it.
 *
 * @param name     the function's name, e.g. {@code ingest}; also {@code AWS_LAMBDA_FUNCTION_NAME}
 * @param handler  the handler string passed to the runtime, e.g.
 *                 {@code io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest}
 * @param codePath the function's class path roots: an unpacked {@code function.zip} (its root and {@code lib/*}
 *                 are used, as on AWS) or, in tests, a classes directory
 * @param env      the function's environment variables (the template's {@code Environment.Variables})
 * @param memoryMb the memory size; the child's heap is sized from it as on AWS
 * @param timeout  the invocation timeout
 * @param logFile  where the child's standard output and error go
 * @param classDataArchive the JVM's class-data-sharing archive: read when it exists, else written when the JVM
 *                 exits; only used when the class path holds jars alone (a JVM requirement)
 */
public record FunctionSpec(String name, String handler, List<Path> codePath, Map<String, String> env,
                           int memoryMb, Duration timeout, Path logFile, Optional<Path> classDataArchive) {

    /** A function without a class-data-sharing archive. */
    public FunctionSpec(String name, String handler, List<Path> codePath, Map<String, String> env, int memoryMb,
                        Duration timeout, Path logFile) {
        this(name, handler, codePath, env, memoryMb, timeout, logFile, Optional.empty());
    }

    public FunctionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        codePath = List.copyOf(codePath);
        env = Map.copyOf(env);
        if (memoryMb < 128 || memoryMb > 10_240) {
            throw new IllegalArgumentException("memoryMb must be 128..10240 as on AWS, got " + memoryMb);
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException("timeout must be within (0, 15 min], got " + timeout);
        }
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(classDataArchive, "classDataArchive");
    }
}
