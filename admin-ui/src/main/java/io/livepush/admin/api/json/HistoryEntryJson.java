package io.livepush.admin.api.json;

/** One entry of a slot's history; never holds a secret. */
public record HistoryEntryJson(String actor, String at, String action, String changes) {
}
