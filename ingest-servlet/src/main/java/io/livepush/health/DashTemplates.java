package io.livepush.health;

/**
 * Expands a DASH {@code SegmentTemplate@media} (ISO/IEC 23009-1 §5.3.9.4.4): {@code $RepresentationID$},
 * {@code $Number$}, {@code $Time$} and {@code $Bandwidth$}, each optionally with a {@code %0<width>d} format, and
 * {@code $$} for a dollar sign. An unknown identifier is left as written.
 */
final class DashTemplates {

    private DashTemplates() {
    }

    static String expand(String template, String representationId, long number, long time, long bandwidth) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('$', i);
            int close = open < 0 ? -1 : template.indexOf('$', open + 1);
            if (close < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            out.append(replacement(template.substring(open + 1, close), representationId, number, time, bandwidth));
            i = close + 1;
        }
        return out.toString();
    }

    private static String replacement(String identifier, String representationId, long number, long time,
            long bandwidth) {
        if (identifier.isEmpty()) {
            return "$";
        }
        int percent = identifier.indexOf('%');
        String name = percent < 0 ? identifier : identifier.substring(0, percent);
        String format = percent < 0 ? "" : identifier.substring(percent);
        return switch (name) {
            case "RepresentationID" -> representationId;
            case "Number" -> formatted(number, format, identifier);
            case "Time" -> formatted(time, format, identifier);
            case "Bandwidth" -> formatted(bandwidth, format, identifier);
            default -> "$" + identifier + "$";
        };
    }

    private static String formatted(long value, String format, String identifier) {
        if (format.isEmpty()) {
            return Long.toString(value);
        }
        if (!format.matches("%0\\d{1,2}d")) {
            return "$" + identifier + "$";
        }
        int width = Integer.parseInt(format.substring(2, format.length() - 1));
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
