package io.trendcast.core.upload;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fields of one record read by {@link RecordReader}: UTF-8 checked, split at the delimiter, RFC 4180 quotes
 * removed ({@code ""} inside a quoted field is one quote). Reused from record to record.
 */
final class Fields {

    private String[] values = new String[16];
    private int count;
    private boolean unclosedQuote;

    /** Number of fields of the last split record. */
    int count() {
        return count;
    }

    /** Field {@code i} of the last split record. */
    String get(int i) {
        return values[i];
    }

    /** Whether the last record ended inside a quoted field (only possible at the end of the file). */
    boolean unclosedQuote() {
        return unclosedQuote;
    }

    /** Splits {@code bytes[0, length)} at {@code delimiter}. The bytes must be valid UTF-8 ({@link #isUtf8}). */
    void split(byte[] bytes, int length, byte delimiter) {
        count = 0;
        unclosedQuote = false;
        int i = 0;
        while (true) {
            if (i < length && bytes[i] == '"') {
                i = quoted(bytes, length, i + 1, delimiter);
            } else {
                int end = i;
                while (end < length && bytes[end] != delimiter) {
                    end++;
                }
                add(new String(bytes, i, end - i, StandardCharsets.UTF_8));
                i = end;
            }
            if (i >= length) {
                return;
            }
            i++;
            if (i == length) {
                add("");
                return;
            }
        }
    }

    private int quoted(byte[] bytes, int length, int from, byte delimiter) {
        byte[] out = new byte[length - from];
        int n = 0;
        int i = from;
        while (true) {
            if (i >= length) {
                unclosedQuote = true;
                break;
            }
            byte b = bytes[i++];
            if (b == '"') {
                if (i < length && bytes[i] == '"') {
                    out[n++] = '"';
                    i++;
                    continue;
                }
                break;
            }
            out[n++] = b;
        }
        while (i < length && bytes[i] != delimiter) {
            out[n++] = bytes[i++];
        }
        add(new String(out, 0, n, StandardCharsets.UTF_8));
        return i;
    }

    private void add(String value) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = value;
    }

    /** Whether {@code bytes[0, length)} is well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF). */
    static boolean isUtf8(byte[] bytes, int length) {
        int i = 0;
        while (i < length) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            int extra;
            int min;
            if (b >= 0xc2 && b <= 0xdf) {
                extra = 1;
                min = 0x80;
            } else if (b >= 0xe0 && b <= 0xef) {
                extra = 2;
                min = 0x800;
            } else if (b >= 0xf0 && b <= 0xf4) {
                extra = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + extra >= length) {
                return false;
            }
            int cp = b & (0x3f >> extra);
            for (int k = 1; k <= extra; k++) {
                int c = bytes[i + k] & 0xff;
                if ((c & 0xc0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (c & 0x3f);
            }
            if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
                return false;
            }
            i += extra + 1;
        }
        return true;
    }

    /** The first control character of {@code s} (below U+0020 except tab, or U+007F), or -1 when there is none. */
    static int controlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return c;
            }
        }
        return -1;
    }
}
