package io.livepush.admin;

import io.livepush.service.ProvisioningTimeouts;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.function.Function;

/**
 * The admin application's settings, read once at startup from context parameters.
 *
 * @param migrate              {@value #MIGRATE}: apply Flyway migrations at startup (default {@code true})
 * @param allowBasicOverHttp   {@value #ALLOW_BASIC_OVER_HTTP}: accept HTTP Basic on the API over plain HTTP (default
 *                             {@code false}; Basic is for HTTPS, tokens work everywhere)
 * @param provisioning         {@value #PROVISIONING_TIMEOUT_SECONDS}: how long the nodes of a slot's PoPs have to load
 *                             a change before the slot is {@code Not_Provisioned} (default 300); and
 *                             {@value #NODE_SILENCE_SECONDS}: how long an ingest node may go without a heartbeat and
 *                             still count (default 30)
 */
public record AdminConfig(boolean migrate, boolean allowBasicOverHttp, ProvisioningTimeouts provisioning) {

    public static final String MIGRATE = "admin.migrate";
    public static final String ALLOW_BASIC_OVER_HTTP = "api.allowBasicOverHttp";
    public static final String PROVISIONING_TIMEOUT_SECONDS = "provisioning.timeoutSeconds";
    public static final String NODE_SILENCE_SECONDS = "provisioning.nodeSilenceSeconds";

    private static final long MAX_SECONDS = 86_400;

    /** Reads the settings, failing on a value that is neither {@code true} nor {@code false}, or a bad number. */
    public static AdminConfig from(ServletContext context) {
        return from(context::getInitParameter);
    }

    /** Reads the settings from any parameter source (tests use a map). */
    static AdminConfig from(Function<String, String> parameters) {
        ProvisioningTimeouts standard = ProvisioningTimeouts.STANDARD;
        return new AdminConfig(bool(parameters, MIGRATE, true), bool(parameters, ALLOW_BASIC_OVER_HTTP, false),
                new ProvisioningTimeouts(
                        seconds(parameters, PROVISIONING_TIMEOUT_SECONDS, standard.provisioning()),
                        seconds(parameters, NODE_SILENCE_SECONDS, standard.nodeSilence())));
    }

    private static boolean bool(Function<String, String> parameters, String name, boolean fallback) {
        String value = parameters.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("Context parameter [" + name + "] is '" + value
                    + "', not true or false");
        };
    }

    private static Duration seconds(Function<String, String> parameters, String name, Duration fallback) {
        String value = parameters.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long seconds = Long.parseLong(value.strip());
            if (seconds >= 1 && seconds <= MAX_SECONDS) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Context parameter [" + name + "] is '" + value
                + "', not a number of seconds from 1 to " + MAX_SECONDS);
    }
}
