package io.trendcast.deep;

import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts DJL's PyTorch engine offline from the natives in the {@code pytorch-native-cpu} jar: they are extracted once
 * into the cache directory ({@code DJL_CACHE_DIR}, about 450 MB; Lambda can write only under {@code /tmp}). DJL's
 * offline mode is switched on, so a missing native library fails with {@link DeepArException} instead of a download.
 * Settings are JVM-wide system properties read when the engine first loads; later calls only return the engine.
 */
public final class DeepArEngine {

    /** The engine name DJL registers for PyTorch. */
    public static final String ENGINE = "PyTorch";

    private DeepArEngine() {
    }

    /**
     * The native cache directory: {@code DJL_CACHE_DIR} from the system properties or the environment, else
     * {@code /tmp/djl} on Lambda ({@code AWS_LAMBDA_FUNCTION_NAME} set), else {@code ~/.cache/trendcast/djl}.
     */
    public static Path cacheDir(Map<String, String> env) {
        String configured = System.getProperty("DJL_CACHE_DIR", env.get("DJL_CACHE_DIR"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if (env.containsKey("AWS_LAMBDA_FUNCTION_NAME")) {
            return Path.of("/tmp/djl");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "trendcast", "djl");
    }

    /**
     * Loads the PyTorch engine with natives extracted under {@code cacheDir} and {@code threads} intra-op threads.
     *
     * @throws DeepArException when the engine cannot load (native jar missing from the class path, unwritable cache
     *                         directory, wrong platform); nothing is downloaded
     */
    public static synchronized Engine start(Path cacheDir, int threads) {
        System.setProperty("ai.djl.offline", "true");
        setIfAbsent("DJL_CACHE_DIR", cacheDir.toString());
        setIfAbsent("ENGINE_CACHE_DIR", cacheDir.toString());
        setIfAbsent("jna.tmpdir", cacheDir.resolve("jna").toString());
        setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(threads));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("ai.djl.default_engine", ENGINE);
        try {
            return Engine.getEngine(ENGINE);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new DeepArException("the PyTorch engine did not load offline from '" + cacheDir + "' (is "
                    + "ai.djl.pytorch:pytorch-native-cpu:linux-x86_64 on the class path and the directory writable? "
                    + "nothing is downloaded): " + e.getMessage(), e);
        }
    }

    /** {@link #start(Path, int)} with the default cache directory of this process's environment. */
    public static Engine start(int threads) {
        return start(cacheDir(System.getenv()), threads);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
