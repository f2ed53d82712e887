package io.trendcast.local.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment a function module reads, from the sources of its {@code @ConfigMapping(prefix = "trendcast")}
 * interface: each top-level property {@code fooBar()} is the variable {@code TRENDCAST_FOO_BAR}. A property is
 * required unless it is {@code Optional}, has {@code @WithDefault}, or {@code application.properties} gives it a
 * value; nested groups are left out (their members have defaults).
 *
 * @param variables every variable the function reads
 * @param required  those it cannot start without
 */
record FunctionConfig(Set<String> variables, Set<String> required) {

    private static final Pattern METHOD = Pattern.compile("^    (\\S.*?)\\s+(\\w+)\\(\\);\\s*$");
    private static final Set<String> SCALARS = Set.of("String", "int", "long", "double", "boolean", "URI",
            "Duration", "Path");

    /** The configuration of the module at {@code moduleDir}, or empty when it has no such interface. */
    static Optional<FunctionConfig> read(Path moduleDir) throws IOException {
        Path java = moduleDir.resolve("src/main/java");
        if (!Files.isDirectory(java)) {
            return Optional.empty();
        }
        Set<String> defaulted = defaultedInProperties(moduleDir.resolve("src/main/resources/application.properties"));
        Set<String> variables = new TreeSet<>();
        Set<String> required = new TreeSet<>();
        boolean found = false;
        try (Stream<Path> files = Files.walk(java)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (!source.contains("@ConfigMapping(prefix = \"trendcast\")")) {
                    continue;
                }
                found = true;
                boolean withDefault = false;
                for (String line : source.lines().toList()) {
                    if (line.contains("@WithDefault")) {
                        withDefault = true;
                    }
                    Matcher method = METHOD.matcher(line);
                    if (!method.matches()) {
                        continue;
                    }
                    String type = method.group(1);
                    String property = kebab(method.group(2));
                    boolean optional = type.startsWith("Optional") || withDefault || defaulted.contains(property);
                    withDefault = false;
                    if (!type.startsWith("Optional") && !SCALARS.contains(type)) {
                        continue;
                    }
                    String variable = "TRENDCAST_" + property.replace('-', '_').toUpperCase(Locale.ROOT);
                    variables.add(variable);
                    if (!optional) {
                        required.add(variable);
                    }
                }
            }
        }
        return found ? Optional.of(new FunctionConfig(variables, required)) : Optional.empty();
    }

    private static Set<String> defaultedInProperties(Path properties) throws IOException {
        Set<String> defaulted = new TreeSet<>();
        if (Files.isRegularFile(properties)) {
            for (String line : Files.readAllLines(properties)) {
                Matcher m = Pattern.compile("^trendcast\\.([a-z0-9-]+)\\s*=").matcher(line);
                if (m.find()) {
                    defaulted.add(m.group(1));
                }
            }
        }
        return defaulted;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
