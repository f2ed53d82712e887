package io.trendcast.core.model.ets;

/**
 * The form of one ETS component: none, additive or multiplicative (Hyndman et al. 2008, table 2.1). The codes
 * are those of R's {@code etscalc.c} ({@code NONE = 0, ADD = 1, MULT = 2}).
 */
public enum EtsComponent {
    NONE('N'),
    ADDITIVE('A'),
    MULTIPLICATIVE('M');

    private final char letter;

    EtsComponent(char letter) {
        this.letter = letter;
    }

    /** The letter used in model names: {@code N}, {@code A} or {@code M}. */
    public char letter() {
        return letter;
    }

    /** The integer code of {@code etscalc.c}. */
    int code() {
        return ordinal();
    }

    /** The component named by {@code letter} ({@code N}, {@code A} or {@code M}). */
    public static EtsComponent of(char letter) {
        return switch (Character.toUpperCase(letter)) {
            case 'N' -> NONE;
            case 'A' -> ADDITIVE;
            case 'M' -> MULTIPLICATIVE;
            default -> throw new IllegalArgumentException("ETS component must be N, A or M, was '" + letter + "'");
        };
    }
}
