package io.trendcast.local.lambda;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the JVM of one function the way the AWS {@code java17} runtime does: the runtime interface client's main
 * class with the handler as its argument, a heap sized from the memory setting, serial GC, and a clean environment
 * holding the function's variables plus those Lambda reserves. The JIT is set as Lambda sets it: C1 only unless
 * the function's {@code JAVA_TOOL_OPTIONS} chooses otherwise.
 */
final class ChildJvm {

    static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";
    /** The java17 runtime's JIT default. */
    private static final String LAMBDA_DEFAULT_JIT = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private ChildJvm() {
    }

    static Process start(FunctionSpec spec, String runtimeApi, String region) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xshare:auto",
                "-XX:MaxHeapSize=" + (spec.memoryMb() * 85 / 100) + "m"));
        classDataSharing(spec).ifPresent(command::add);
        command.add("-D" + RuntimeInterfaceClient.JNI_PROPERTY + "=" + RuntimeInterfaceClient.nativeLibrary());
        command.addAll(List.of("-cp", classPath(spec), MAIN_CLASS, spec.handler()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
        Map<String, String> env = builder.environment();
        String path = env.get("PATH");
        env.clear();
        env.put("PATH", path != null ? path : "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put(JAVA_TOOL_OPTIONS, LAMBDA_DEFAULT_JIT);
        env.putAll(spec.env());
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
        env.put("_HANDLER", spec.handler());
        if (!spec.codePath().isEmpty()) {
            Path root = spec.codePath().get(0).toAbsolutePath();
            env.put("LAMBDA_TASK_ROOT", (Files.isDirectory(root) ? root : root.getParent()).toString());
        }
        try {
            Files.createDirectories(spec.logFile().toAbsolutePath().getParent());
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the JVM of function " + spec.name() + ": " + command, e);
        }
    }

    /**
     * The archive option: read the function's archive when it exists, else write it at exit (a dynamic AppCDS
     * archive of every class the first JVM loaded). The JVM only shares classes from jars, so a class path with a
     * directory gets neither.
     */
    static Optional<String> classDataSharing(FunctionSpec spec) {
        if (spec.classDataArchive().isEmpty() || spec.codePath().isEmpty()
                || !spec.codePath().stream().allMatch(Files::isRegularFile)) {
            return Optional.empty();
        }
        Path archive = spec.classDataArchive().get().toAbsolutePath();
        return Optional.of(Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive
                : "-XX:ArchiveClassesAtExit=" + archive);
    }

    /**
     * Each code root: a jar as itself; a directory, the jars in it and in its {@code lib} (Lambda's class path
     * over {@code /var/task}); then the runtime interface client.
     */
    private static String classPath(FunctionSpec spec) {
        List<String> entries = new ArrayList<>();
        for (Path root : spec.codePath()) {
            Path absolute = root.toAbsolutePath();
            entries.add(absolute.toString());
            if (Files.isDirectory(absolute)) {
                entries.add(absolute + File.separator + "*");
                if (Files.isDirectory(absolute.resolve("lib"))) {
                    entries.add(absolute.resolve("lib") + File.separator + "*");
                }
            }
        }
        entries.add(RuntimeInterfaceClient.directory() + File.separator + "*");
        return String.join(File.pathSeparator, entries);
    }
}
