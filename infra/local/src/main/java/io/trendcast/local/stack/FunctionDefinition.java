package io.trendcast.local.stack;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One function as both the SAM template and the local stack run it.
 *
 * @param name          the function's short name ({@code ingest}, {@code train}, {@code api}); the template's
 *                      logical id is the capitalised name followed by {@code Function}
 * @param module        the Maven module, whose {@code target/function.zip} is the code
 * @param namedHandler  the {@code @Named} handler bean chosen by {@code QUARKUS_LAMBDA_HANDLER}, or empty for the
 *                      HTTP function, whose handler the extension provides
 * @param memoryMb      memory size
 * @param timeout       invocation timeout
 * @param architecture  {@code x86_64} or {@code arm64}
 * @param javaToolOptions the function's {@code JAVA_TOOL_OPTIONS}: the JIT settings Lambda's JVM starts with
 */
public record FunctionDefinition(String name, String module, Optional<String> namedHandler, int memoryMb,
                                 Duration timeout, String architecture, String javaToolOptions) {

    /**
     * What the {@code java17} runtime does by default: C1 only, for the fastest start of short invocations
     * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/java-customization.html">Lambda docs</a>).
     */
    public static final String C1_ONLY = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
    /**
     * Full tiered compilation up to C2, which the Lambda docs recommend for compute-intensive functions: training
     * runs about a third faster once C2 has compiled the model fitting, which pays for the slower start.
     */
    public static final String FULL_TIERED = "-XX:+TieredCompilation -XX:TieredStopAtLevel=4";

    /** The handler every Quarkus Lambda zip declares (sam.jvm.yaml), the HTTP one included. */
    public static final String QUARKUS_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    public FunctionDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(namedHandler, "namedHandler");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(javaToolOptions, "javaToolOptions");
    }

    /** The template's logical id, e.g. {@code IngestFunction}. */
    public String logicalId() {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Function";
    }
}
