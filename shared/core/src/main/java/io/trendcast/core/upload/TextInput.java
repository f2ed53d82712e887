package io.trendcast.core.upload;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Opens an upload's bytes as text bytes: gunzipped when the stream starts with the gzip magic bytes, and cut off
 * with an {@link UploadRejectedException} once more than the limit has come out (a gzip bomb guard that also
 * bounds plain files).
 */
final class TextInput {

    private TextInput() {
    }

    /** Whether the content is gzip, judged by its magic bytes; {@code in} must support mark. */
    static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }

    /** The decompressed (if need be) and size-limited content of {@code raw}. */
    static InputStream open(BufferedInputStream raw, boolean gzip, long maxBytes) throws IOException {
        InputStream text = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
        return new Limited(text, maxBytes);
    }

    private static final class Limited extends FilterInputStream {
        private final long max;
        private long count;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > max) {
                throw new UploadRejectedException("the file is larger than " + max + " bytes once decompressed; "
                        + "split it into several uploads");
            }
        }
    }
}
