package io.trendcast.core.upload;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UploadTableTest {

    private static final Instant T = Instant.parse("2024-12-01T08:15:30.123Z");

    @Test
    void stampsOrderByTimeThenKeyThenSequencerThenVersion() {
        UploadStamp early = UploadStamp.of("u1", T, "uploads/s/z.csv", null, null);
        UploadStamp later = UploadStamp.of("u2", T.plusMillis(1), "uploads/s/a.csv", null, null);
        UploadStamp sameTimeA = UploadStamp.of("u3", T, "uploads/s/a.csv", null, null);
        assertTrue(later.isAfter(early), "time first");
        assertTrue(early.isAfter(sameTimeA), "then key");
        UploadStamp seqShort = UploadStamp.of("u4", T, "uploads/s/k.csv", "FF", "v2");
        UploadStamp seqLong = UploadStamp.of("u5", T, "uploads/s/k.csv", "0100", "v1");
        assertTrue(seqLong.isAfter(seqShort), "sequencers compare left-padded: 0100 > 00FF");
        UploadStamp versionA = UploadStamp.of("u7", T, "uploads/s/k.csv", null, "a");
        UploadStamp versionB = UploadStamp.of("u6", T, "uploads/s/k.csv", null, "b");
        assertTrue(versionB.isAfter(versionA), "then version");
        assertTrue(early.isAfter(UploadStamp.LEGACY) && !UploadStamp.LEGACY.isAfter(early), "legacy is oldest");
    }

    @Test
    void withKeepsTheTableSortedAndMapsOldRefs() {
        UploadStamp a = UploadStamp.of("a", T, "k1", null, null);
        UploadStamp b = UploadStamp.of("b", T.plusSeconds(5), "k2", null, null);
        UploadStamp c = UploadStamp.of("c", T.plusSeconds(2), "k3", null, null);
        UploadTable ab = UploadTable.empty().with(b).with(a);
        UploadTable abc = ab.with(c);
        assertEquals(List.of(a, c, b), abc.stamps());
        assertArrayEquals(new int[]{0, 2}, ab.positionsIn(abc));
        assertSame(abc, abc.with(c), "an upload already recorded changes nothing");
        assertThrows(IllegalArgumentException.class, () -> abc.with(UploadStamp.of("c", T, "k3", null, null)));
        assertThrows(IllegalArgumentException.class, () -> abc.positionsIn(ab));
    }

    @Test
    void roundTripsAsCsvWithQuotedKeys() {
        UploadTable table = UploadTable.legacy()
                .with(UploadStamp.of("0a1b", T, "uploads/s/nov, \"final\".csv", "0055AED6DCD90281E5", "v1"))
                .with(UploadStamp.of("2c3d", T.plusSeconds(1), "uploads/s/dec.csv", null, null));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.write(out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals("""
                ref,upload_id,created,key,sequencer,version
                0,legacy,,,,
                1,0a1b,2024-12-01T08:15:30.123Z,"uploads/s/nov, ""final"".csv",0055AED6DCD90281E5,v1
                2,2c3d,2024-12-01T08:15:31.123Z,uploads/s/dec.csv,,
                """, text);
        assertEquals(table, UploadTable.read(new ByteArrayInputStream(out.toByteArray()), "t"));
    }

    @Test
    void aTableOutOfOrderOrMalformedIsRejected() {
        String swapped = """
                ref,upload_id,created,key,sequencer,version
                0,b,2024-12-01T08:15:31Z,k,,
                1,a,2024-12-01T08:15:30Z,k,,
                """;
        assertThrows(SalesFormatException.class, () -> UploadTable.read(
                new ByteArrayInputStream(swapped.getBytes(StandardCharsets.UTF_8)), "t"));
        for (String bad : List.of("ref,id\n", "ref,upload_id,created,key,sequencer,version\n5,a,,,,\n",
                "ref,upload_id,created,key,sequencer,version\n0,a,yesterday,k,,\n")) {
            assertThrows(SalesFormatException.class, () -> UploadTable.read(
                    new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), "t"), bad);
        }
    }
}
