package io.livepush.service;

/**
 * A token just created: {@link #token()} is shown to its owner once and never stored; {@link #toString()} hides it.
 */
public record IssuedApiToken(ApiTokenRecord record, String token) {

    @Override
    public String toString() {
        return "IssuedApiToken[record=" + record + ", token=****]";
    }
}
