package io.livepush.playlist;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses an HLS attribute list ({@code NAME=VALUE,NAME="quoted, value"}, RFC 8216 §4.2) into names and values;
 * quoted values lose their quotes. Pure logic.
 */
final class AttributeLists {

    private AttributeLists() {
    }

    /**
     * Returns the attributes of {@code list} in their order.
     *
     * @throws IllegalArgumentException quoting the list when a name has no value or a quote is not closed
     */
    static Map<String, String> parse(String list) {
        Map<String, String> attributes = new LinkedHashMap<>();
        int i = 0;
        int length = list.length();
        while (i < length) {
            int equals = list.indexOf('=', i);
            if (equals < 0) {
                throw new IllegalArgumentException("'" + list + "' is not an attribute list");
            }
            String name = list.substring(i, equals).trim();
            int start = equals + 1;
            int end;
            String value;
            if (start < length && list.charAt(start) == '"') {
                int close = list.indexOf('"', start + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("'" + list + "' has an unclosed quote");
                }
                value = list.substring(start + 1, close);
                end = close + 1;
            } else {
                end = list.indexOf(',', start);
                end = end < 0 ? length : end;
                value = list.substring(start, end).trim();
            }
            if (name.isEmpty()) {
                throw new IllegalArgumentException("'" + list + "' has an attribute without a name");
            }
            attributes.put(name, value);
            int comma = list.indexOf(',', end);
            if (comma < 0) {
                break;
            }
            i = comma + 1;
        }
        return attributes;
    }
}
