package io.trendcast.core.cost;

import java.util.Locale;

/** The processor architecture of a Lambda function, which sets its price per GB-second. */
public enum Architecture {
    /** Intel/AMD, {@code x86_64}. */
    X86_64("x86_64"),
    /** Graviton, {@code arm64}: about 20% cheaper per GB-second. */
    ARM64("arm64");

    private final String label;

    Architecture(String label) {
        this.label = label;
    }

    /** The name Lambda and the SAM template use: {@code x86_64} or {@code arm64}. */
    public String label() {
        return label;
    }

    /**
     * The architecture named by a Lambda label ({@code x86_64}, {@code arm64}) or a JVM {@code os.arch}
     * ({@code amd64}, {@code aarch64}), case-insensitively.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Architecture parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "x86_64", "amd64", "x86-64", "x64" -> X86_64;
            case "arm64", "aarch64" -> ARM64;
            default -> throw new IllegalArgumentException("unknown architecture '" + name + "': expected x86_64 "
                    + "or arm64 (or the JVM's amd64, aarch64)");
        };
    }
}
