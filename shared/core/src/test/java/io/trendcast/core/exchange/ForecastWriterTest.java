package io.trendcast.core.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trendcast.core.model.Forecast;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastWriterTest {

    @Test
    void writesTheScorerColumnsOneRowPerStep(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("f.csv");
        Forecast fc = Forecast.normal("ETS(A,N,N)", new double[] {10, 11}, new double[] {1, 2}, 95, 80);
        try (ForecastWriter w = new ForecastWriter(out, new double[] {80, 95})) {
            w.write("s,1", "ets", fc);
        }
        List<String> lines = Files.readAllLines(out);
        assertEquals("series_id,method,step,mean,lo80,hi80,lo95,hi95,model", lines.get(0));
        String[] row = lines.get(2).split(",");
        assertEquals("\"s", row[0]);
        assertEquals("2", row[3]);
        assertEquals(11.0, Double.parseDouble(row[4]));
        assertEquals(11 - 1.2815515655446004 * 2, Double.parseDouble(row[5]), 1e-12);
        assertEquals(11 + 1.959963984540054 * 2, Double.parseDouble(row[8]), 1e-12);
        assertEquals(3, lines.size());
    }
}
