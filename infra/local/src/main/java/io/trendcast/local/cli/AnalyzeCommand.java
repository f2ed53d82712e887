package io.trendcast.local.cli;

import io.trendcast.core.analysis.DriverAnalysis;
import io.trendcast.core.analysis.DriverReport;
import io.trendcast.core.exchange.ExchangeData;
import io.trendcast.core.exchange.ExchangeFormatException;
import io.trendcast.core.exchange.ExchangeReader;
import io.trendcast.core.exchange.ExchangeSeries;
import io.trendcast.core.exchange.FutureCovariates;
import io.trendcast.core.prepare.GapFiller;
import io.trendcast.core.series.TimeSeries;
import io.trendcast.ml.GlobalConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code trendcast analyze}: the multivariate driver report of a file of series with covariate columns. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "What drives sales: correlations, PCA, price elasticity and promotion lift, global-model "
                + "importance per series (JSON).")
public final class AnalyzeCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, description = "series_id,date,value[,covariates] (.gz allowed)")
    Path input;

    @Option(names = "--future", description = "future covariates: series_id,date,<covariate columns>")
    Path future;

    @Option(names = "--price", defaultValue = "price", description = "price column (default ${DEFAULT-VALUE})")
    String price;

    @Option(names = "--promo", defaultValue = "promo", description = "promotion flag column (default ${DEFAULT-VALUE})")
    String promo;

    @Option(names = "--season", description = "seasonal period (default: from the frequency)")
    Integer season;

    @Option(names = "--horizon", defaultValue = "1",
            description = "horizon of the global model whose importances are reported (default ${DEFAULT-VALUE})")
    int horizon;

    @Option(names = "--top", defaultValue = "20",
            description = "series (largest by sales) that get an importance entry (default ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--no-global", description = "skip the global model (no importances)")
    boolean noGlobal;

    @Option(names = "--threads", description = "threads of the global model (default: available processors)")
    Integer threads;

    @Option(names = "--out", description = "write the JSON here instead of standard output")
    Path out;

    @Override
    public Integer call() throws Exception {
        ExchangeData data;
        FutureCovariates fut;
        try {
            data = ExchangeReader.read(input);
            fut = future == null ? FutureCovariates.none() : FutureCovariates.read(future);
        } catch (ExchangeFormatException e) {
            System.err.println("error: " + e.getMessage());
            return 1;
        }
        data.warnings().forEach(w -> System.err.println("warning: " + w));
        GapFiller filler = GapFiller.builder().policy(GapFiller.Policy.INTERPOLATE).build();
        Map<String, TimeSeries> series = new LinkedHashMap<>();
        for (ExchangeSeries es : data.series()) {
            TimeSeries s = es.series();
            int m = season != null ? season : s.frequency().defaultSeason();
            series.put(s.id(), filler.fill(s.withSeason(m)));
        }
        int nThreads = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
        Map<String, Integer> horizons = new LinkedHashMap<>();
        series.keySet().forEach(id -> horizons.put(id, Math.max(1, horizon)));
        GlobalStage stage = GlobalStage.fit(data, series, horizons, fut, GlobalConfig.builder().threads(nThreads)
                .calibrate(false).build(), new double[] {80}, null, noGlobal);
        DriverReport report = DriverAnalysis.analyze(stage.allInputs, price, promo, stage::importance, top);
        String json = report.toJson();
        if (out != null) {
            Files.writeString(out, json + "\n", StandardCharsets.UTF_8);
        } else {
            System.out.println(json);
        }
        return 0;
    }
}
