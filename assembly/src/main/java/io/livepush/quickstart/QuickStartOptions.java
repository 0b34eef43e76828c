package io.livepush.quickstart;

import java.nio.file.Path;

/**
 * The quick start's command line: {@code --http-port N} (default 8080), {@code --https-port N} (default 8443) and
 * {@code --data DIR} (default {@code ./livepush-data}).
 */
record QuickStartOptions(int httpPort, int httpsPort, Path dataDir) {

    static final String USAGE = "usage: java -jar livepush-quickstart.jar [--http-port 8080] [--https-port 8443]"
            + " [--data ./livepush-data]";

    /** Parses the arguments; throws {@link IllegalArgumentException} with the usage when they are wrong. */
    static QuickStartOptions parse(String... args) {
        int http = 8080;
        int https = 8443;
        Path data = Path.of("livepush-data");
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("'" + name + "' needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--http-port" -> http = port(name, value);
                case "--https-port" -> https = port(name, value);
                case "--data" -> data = Path.of(value);
                default -> throw new IllegalArgumentException("Unknown option '" + name + "'\n" + USAGE);
            }
        }
        if (http == https) {
            throw new IllegalArgumentException("--http-port and --https-port must differ\n" + USAGE);
        }
        return new QuickStartOptions(http, https, data.toAbsolutePath().normalize());
    }

    private static int port(String name, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a port from 1 to 65535 (was '" + value + "')\n" + USAGE);
    }
}
