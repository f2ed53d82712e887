package io.trendcast.function.ingest;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * The content of the bad-input corpus ({@code src/test/resources/corpus/manifest.json}): committed files are read
 * from the class path, {@code gen:NAME} sources are built here at test time so that no binary, large or
 * control-character file is committed.
 */
final class CorpusFiles {

    /** Decompressed size of the gzip bomb: four times the 16 MiB limit the tests run with. */
    static final int BOMB_BYTES = 64 * 1024 * 1024;
    /** Length of the single line of {@code gen:long-line}. */
    static final int LONG_LINE_BYTES = 10 * 1024 * 1024;

    private CorpusFiles() {
    }

    /** The bytes of a manifest source, with {@code padRows} rows of {@code padRow} inserted after the header. */
    static byte[] content(String source, int padRows, String padRow) {
        byte[] raw = source.startsWith("gen:") ? generate(source.substring(4)) : resource(source);
        return padRows == 0 ? raw : pad(raw, padRows, padRow);
    }

    private static byte[] generate(String name) {
        return switch (name) {
            case "png" -> png();
            case "random-binary" -> randomBytes(4096, 6);
            case "truncated-gzip" -> {
                byte[] whole = gzip(rows(1000).getBytes(StandardCharsets.UTF_8));
                yield Arrays.copyOf(whole, whole.length / 2);
            }
            case "gzip-bomb" -> bomb();
            case "utf16le-bom" -> ("\uFEFF" + rows(5)).getBytes(StandardCharsets.UTF_16LE);
            case "utf16be" -> rows(5).getBytes(StandardCharsets.UTF_16BE);
            case "long-line" -> longLine();
            case "long-id" -> ("date,item_id,quantity\n2024-01-01,a,2\n2024-01-01," + "x".repeat(10_000) + ",1\n")
                    .getBytes(StandardCharsets.UTF_8);
            case "control-chars" -> ("date,item_id,quantity\n2024-01-01,a,1\n2024-01-01,nul\u0000id,1\n"
                    + "2024-01-01,bell\u0007,1\n2024-01-01,\u001b[31mred,1\n2024-01-01,del\u007f,1\n")
                    .getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException("no corpus generator " + name);
        };
    }

    /** A real 16×16 PNG image. */
    private static byte[] png() {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) {
            image.setRGB(x, x, 0xff8800);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** {@link #BOMB_BYTES} of valid rows, gzipped: only the decompressed-size limit can stop it. */
    private static byte[] bomb() {
        byte[] row = "2024-01-01,a,1\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16)) {
            gz.write("date,item_id,quantity\n".getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[row.length * 4096];
            for (int i = 0; i < 4096; i++) {
                System.arraycopy(row, 0, block, i * row.length, row.length);
            }
            for (long written = 0; written < BOMB_BYTES; written += block.length) {
                gz.write(block);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] longLine() {
        byte[] header = "date,item_id,quantity\n".getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(header, header.length + LONG_LINE_BYTES + 1);
        Arrays.fill(out, header.length, out.length - 1, (byte) 'x');
        out[out.length - 1] = '\n';
        return out;
    }

    private static String rows(int n) {
        StringBuilder csv = new StringBuilder("date,item_id,quantity\n");
        for (int i = 0; i < n; i++) {
            csv.append(LocalDate.of(2024, 1, 1).plusDays(i)).append(",a,").append(i + 1).append('\n');
        }
        return csv.toString();
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] resource(String name) {
        try (InputStream in = CorpusFiles.class.getResourceAsStream("/corpus/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pad(byte[] raw, int rows, String template) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int headerEnd = text.indexOf('\n') + 1;
        StringBuilder padding = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            padding.append(template.replace("{date}", LocalDate.of(2020, 1, 1).plusDays(i).toString())).append('\n');
        }
        return (text.substring(0, headerEnd) + padding + text.substring(headerEnd)).getBytes(StandardCharsets.UTF_8);
    }
}
