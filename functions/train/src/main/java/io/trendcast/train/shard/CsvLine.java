package io.trendcast.train.shard;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line into fields: comma-separated, RFC 4180 quotes ({@code ""} is a quote inside quotes). */
final class CsvLine {

    private CsvLine() {
    }

    static List<String> split(String line, String name, int lineNo) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (quoted) {
            throw new ShardFormatException(name + " line " + lineNo + ": unterminated quoted field");
        }
        fields.add(field.toString());
        return fields;
    }
}
