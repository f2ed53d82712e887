package io.trendcast.core.port;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Identifies one series of a seller: an item, optionally at one store.
 *
 * <p>{@link #encode()} gives the string form stores use as a key: the item alone, or item and store each
 * URL-encoded and joined by {@code /}. URL encoding never produces {@code /}, so the form is unambiguous whatever
 * the ids contain, and it stays readable for ordinary ids ({@code sku-1/store-7}).
 *
 * @param item  the item id, never blank
 * @param store the store id, or {@code null} for an item sold without stores
 */
public record SeriesKey(String item, String store) {

    public SeriesKey {
        if (item == null || item.isEmpty()) {
            throw new IllegalArgumentException("item id must not be empty");
        }
        if (store != null && store.isEmpty()) {
            store = null;
        }
    }

    /** The key of an item sold without stores. */
    public static SeriesKey of(String item) {
        return new SeriesKey(item, null);
    }

    /** The key of an item at a store; {@code store} may be {@code null}. */
    public static SeriesKey of(String item, String store) {
        return new SeriesKey(item, store);
    }

    /** The string form described in the class comment. */
    public String encode() {
        String encodedItem = URLEncoder.encode(item, StandardCharsets.UTF_8);
        return store == null ? encodedItem : encodedItem + "/" + URLEncoder.encode(store, StandardCharsets.UTF_8);
    }

    /**
     * Reads the string form written by {@link #encode()}.
     *
     * @throws IllegalArgumentException when {@code encoded} is not such a form
     */
    public static SeriesKey decode(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        int slash = encoded.indexOf('/');
        if (slash < 0) {
            return new SeriesKey(URLDecoder.decode(encoded, StandardCharsets.UTF_8), null);
        }
        if (encoded.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("not a series key (more than one '/'): " + encoded);
        }
        return new SeriesKey(URLDecoder.decode(encoded.substring(0, slash), StandardCharsets.UTF_8),
                URLDecoder.decode(encoded.substring(slash + 1), StandardCharsets.UTF_8));
    }
}
