package io.trendcast.core.model.ets;

/** How R's {@code ets(ic = …)} ranks candidate models; smaller is better (Hyndman et al. 2008, §7.1). */
public enum EtsInformationCriterion {
    AIC,
    /** Bias-corrected AIC, R's default. */
    AICC,
    BIC
}
