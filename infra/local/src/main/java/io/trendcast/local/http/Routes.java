package io.trendcast.local.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routes of an HTTP API ({@code GET /v1/sellers/{seller}/trends}), matched as API Gateway matches them: the
 * method exactly, each {@code {name}} one path segment, which becomes a path parameter.
 */
public final class Routes {

    private record Route(String key, String method, Pattern path, List<String> names) {
    }

    /**
     * A matched route.
     *
     * @param routeKey       the route as declared, e.g. {@code GET /v1/sellers/{seller}/trends}
     * @param pathParameters the values of its {@code {name}} segments
     */
    public record Match(String routeKey, Map<String, String> pathParameters) {
    }

    private final List<Route> routes;

    /** Routes from their keys, {@code METHOD /path/{param}}. */
    public Routes(List<String> keys) {
        this.routes = keys.stream().map(Routes::compile).toList();
    }

    /** The first route matching the request, if any. */
    public Optional<Match> match(String method, String path) {
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(path);
            if (route.method().equals(method) && matcher.matches()) {
                Map<String, String> parameters = new LinkedHashMap<>();
                for (int i = 0; i < route.names().size(); i++) {
                    parameters.put(route.names().get(i), matcher.group(i + 1));
                }
                return Optional.of(new Match(route.key(), parameters));
            }
        }
        return Optional.empty();
    }

    private static Route compile(String key) {
        int space = key.indexOf(' ');
        String method = key.substring(0, space);
        String path = key.substring(space + 1);
        Matcher names = Pattern.compile("\\{([^}/]+)}").matcher(path);
        StringBuilder regex = new StringBuilder();
        List<String> found = new ArrayList<>();
        int last = 0;
        while (names.find()) {
            regex.append(Pattern.quote(path.substring(last, names.start()))).append("([^/]+)");
            found.add(names.group(1));
            last = names.end();
        }
        regex.append(Pattern.quote(path.substring(last)));
        return new Route(key, method, Pattern.compile(regex.toString()), List.copyOf(found));
    }
}
