package io.trendcast.train.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.trendcast.ml.GlobalConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The global models' settings as SmallRye Config maps them from properties (environment variables alike). */
class TrainConfigTest {

    private static TrainConfig read(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(Map.of("trendcast.bucket", "b", "trendcast.region", "us-east-1",
                "trendcast.cost.memory-mb", "3008", "trendcast.train.threads", "1"));
        props.putAll(extra);
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(TrainConfig.class)
                .withSources(new PropertiesConfigSource(props, "test", 100)).build();
        return config.getConfigMapping(TrainConfig.class);
    }

    @Test
    void theGlobalModelIsRecursiveWithAHundredTreesByDefault() {
        GlobalConfig global = read(Map.of()).train().globalConfig();
        assertEquals(GlobalConfig.Strategy.RECURSIVE, global.strategy());
        assertEquals(100, global.trees());
        assertEquals(1, global.threads());
    }

    @Test
    void selectionsLookForTribuoAndDeepArUnlessToldOtherwise() {
        assertEquals(java.util.List.of("tribuo", "deepar"), read(Map.of()).train().globalSources());
        assertEquals(java.util.List.of("tribuo"),
                read(Map.of("trendcast.train.global-sources", "tribuo")).train().globalSources());
    }

    @Test
    void strategyAndTreesAreSettable() {
        GlobalConfig global = read(Map.of("trendcast.train.global-strategy", "AUTO",
                "trendcast.train.global-trees", "40")).train().globalConfig();
        assertEquals(GlobalConfig.Strategy.AUTO, global.strategy());
        assertEquals(40, global.trees());
    }

    @Test
    void anUnknownStrategyIsRejectedNamingTheSetting() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> read(Map.of("trendcast.train.global-strategy", "SIDEWAYS")));
        assertTrue(e.getMessage().contains("trendcast.train.global-strategy"), e.getMessage());
    }
}
