package io.livepush.service;

/** Fits messages reported by ingest nodes into their 1 024-character columns. */
final class Messages {

    static final int MAX_LENGTH = 1024;

    private Messages() {
    }

    static String shorten(String message) {
        if (message == null || message.length() <= MAX_LENGTH) {
            return message;
        }
        return message.substring(0, MAX_LENGTH - 1) + "…";
    }
}
