package io.livepush.admin;

import jakarta.servlet.ServletContext;

/**
 * The admin application's settings, read once at startup from context parameters.
 *
 * @param migrate              {@value #MIGRATE}: apply Flyway migrations at startup (default {@code true})
 * @param allowBasicOverHttp   {@value #ALLOW_BASIC_OVER_HTTP}: accept HTTP Basic on the API over plain HTTP (default
 *                             {@code false}; Basic is for HTTPS, tokens work everywhere)
 */
public record AdminConfig(boolean migrate, boolean allowBasicOverHttp) {

    public static final String MIGRATE = "admin.migrate";
    public static final String ALLOW_BASIC_OVER_HTTP = "api.allowBasicOverHttp";

    /** Reads the settings, failing on a value that is neither {@code true} nor {@code false}. */
    public static AdminConfig from(ServletContext context) {
        return new AdminConfig(bool(context, MIGRATE, true), bool(context, ALLOW_BASIC_OVER_HTTP, false));
    }

    private static boolean bool(ServletContext context, String name, boolean fallback) {
        String value = context.getInitParameter(name);
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
}
