package io.trendcast.train.shard;

import io.trendcast.aws.event.ObjectCreated;
import io.trendcast.aws.event.S3EventDecoder;
import io.trendcast.testing.emulators.RepoRoot;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShardKeyTest {

    @Test
    void theSampleEventNamesAShardAndItsManifestAndArtifact() throws IOException {
        List<ObjectCreated> objects = new S3EventDecoder().decode(
                Files.readString(RepoRoot.find().resolve("events/s3-put-features.json")));
        assertEquals(1, objects.size());
        ShardKey shard = ShardKey.parse(objects.get(0).key()).orElseThrow();
        assertEquals("s1", shard.seller());
        assertEquals("run-20241201T081530Z", shard.runId());
        assertEquals(3, shard.number());
        assertTrue(shard.gzipped());
        assertEquals("datasets/s1/runs/run-20241201T081530Z.json", shard.manifestKey());
        assertEquals("models/s1/run-20241201T081530Z/part-0003.json", shard.artifactKey());
    }

    @Test
    void otherKeysAreNotShards() {
        assertTrue(ShardKey.parse("features/s1/run-1/manifest.json").isEmpty());
        assertTrue(ShardKey.parse("uploads/s1/part-0001.csv").isEmpty());
        assertTrue(ShardKey.parse("features/s1/run-1/extra/part-0001.csv.gz").isEmpty());
        assertEquals(12, ShardKey.parse("features/s1/run-1/part-0012.csv").orElseThrow().number());
    }
}
