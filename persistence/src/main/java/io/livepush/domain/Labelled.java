package io.livepush.domain;

import java.util.Optional;

/** An enum constant that the API names by {@link #apiValue()} and the portal by {@link #displayName()}. */
interface Labelled {

    String apiValue();

    String displayName();

    /** Finds the constant of {@code type} whose API value or display name is {@code text}, ignoring case. */
    static <E extends Enum<E> & Labelled> Optional<E> find(Class<E> type, String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.apiValue().equalsIgnoreCase(text) || constant.displayName().equalsIgnoreCase(text)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
