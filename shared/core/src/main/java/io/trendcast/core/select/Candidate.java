package io.trendcast.core.select;

import java.util.List;

/**
 * A choice {@code auto} can make: one method, or a combination of several.
 *
 * @param name     e.g. {@code ets} or {@code median(ets,arima,theta)}
 * @param members  indexes into the base methods
 * @param combiner how members combine (ignored for a single member)
 */
record Candidate(String name, int[] members, Combiner combiner) {

    static Candidate single(String name, int index) {
        return new Candidate(name, new int[] {index}, Combiner.MEAN);
    }

    static Candidate combination(Combiner combiner, List<String> baseNames, int... members) {
        StringBuilder sb = new StringBuilder(combiner.name().toLowerCase(java.util.Locale.ROOT)).append('(');
        for (int i = 0; i < members.length; i++) {
            sb.append(i > 0 ? "," : "").append(baseNames.get(members[i]));
        }
        return new Candidate(sb.append(')').toString(), members, combiner);
    }
}
