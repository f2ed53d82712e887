package io.trendcast.testing.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Generated content and streaming digests, so large-object tests never hold an object in memory. */
public final class Streams {

    private Streams() {
    }

    /**
     * A stream of {@code length} pseudo-random bytes from {@code seed} (an LCG, so equal arguments give equal
     * content), generated as it is read.
     */
    public static InputStream generated(long length, long seed) {
        return new InputStream() {
            private long remaining = length;
            private long state = seed;

            @Override
            public int read() {
                if (remaining <= 0) {
                    return -1;
                }
                remaining--;
                state = state * 6364136223846793005L + 1442695040888963407L;
                return (int) (state >>> 56) & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (remaining <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, remaining);
                for (int i = 0; i < n; i++) {
                    state = state * 6364136223846793005L + 1442695040888963407L;
                    b[off + i] = (byte) (state >>> 56);
                }
                remaining -= n;
                return n;
            }
        };
    }

    /** The SHA-256 of everything {@code in} holds, read in 64 KiB chunks; the stream is closed. */
    public static String sha256(InputStream in) {
        try (in) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
