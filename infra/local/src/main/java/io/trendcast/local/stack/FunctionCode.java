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
     * @param classPath        the code roots (jars, or directories whose own jars and {@code lib/*} count too)
     * @param handler          the handler string for the runtime
     * @param classDataArchive where the function's JVM keeps its class-data-sharing archive, if it may have one
     */
    record Code(List<Path> classPath, String handler, Optional<Path> classDataArchive) {

        /** Code without a class-data-sharing archive. */
        public Code(List<Path> classPath, String handler) {
            this(classPath, handler, Optional.empty());
        }
    }
}
