package io.trendcast.local.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where a function's code is: the packaged zips of a checkout ({@link PackagedFunctions}) or, in tests, others. */
@FunctionalInterface
public interface FunctionCode {

    /** The function's class path and handler, or empty when it is not built. */
    Optional<Code> locate(FunctionDefinition function);

    /**
     * @param classPath the code roots (an unpacked zip, a classes directory)
     * @param handler   the handler string for the runtime
     */
    record Code(List<Path> classPath, String handler) {
    }
}
