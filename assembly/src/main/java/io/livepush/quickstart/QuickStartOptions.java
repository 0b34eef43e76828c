package io.livepush.quickstart;

import io.livepush.net.CidrBlock;
import io.livepush.net.IpLiterals;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The quick start's command line: {@code --http-port N} (default 8080), {@code --https-port N} (default 8443),
 * {@code --data DIR} (default {@code ./livepush-data}), {@code --bind ADDRESS} (the address both connectors listen on,
 * default {@code 127.0.0.1}; {@code 0.0.0.0} or {@code ::} for every interface) and {@code --admin-allow CIDRS} (the
 * networks {@code /admin} answers, comma-separated; default this machine only: loopback plus the bind address).
 *
 * @param adminAllow the blocks as {@link CidrBlock#toString()} writes them, never empty
 */
record QuickStartOptions(int httpPort, int httpsPort, Path dataDir, String bindAddress, List<String> adminAllow) {

    static final String USAGE = "usage: java -jar livepush-quickstart.jar [--http-port 8080] [--https-port 8443]"
            + " [--data ./livepush-data] [--bind 127.0.0.1] [--admin-allow 127.0.0.0/8,::1/128]";

    private static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1/128");

    /** Parses the arguments; throws {@link IllegalArgumentException} with the usage when they are wrong. */
    static QuickStartOptions parse(String... args) {
        int http = 8080;
        int https = 8443;
        Path data = Path.of("livepush-data");
        String bind = "127.0.0.1";
        List<String> adminAllow = null;
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
                case "--bind" -> bind = address(value);
                case "--admin-allow" -> adminAllow = blocks(value);
                default -> throw new IllegalArgumentException("Unknown option '" + name + "'\n" + USAGE);
            }
        }
        if (http == https) {
            throw new IllegalArgumentException("--http-port and --https-port must differ\n" + USAGE);
        }
        return new QuickStartOptions(http, https, data.toAbsolutePath().normalize(), bind,
                adminAllow != null ? adminAllow : thisMachine(bind));
    }

    /** Whether the connectors listen on every interface. */
    boolean bindsEverywhere() {
        return isWildcard(IpLiterals.parse(bindAddress));
    }

    /** The host printed in URLs: the bind address, or 127.0.0.1 when that is a wildcard. */
    String urlHost() {
        if (bindsEverywhere()) {
            return "127.0.0.1";
        }
        return bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress;
    }

    private static String address(String value) {
        return IpLiterals.tryParse(value).map(IpLiterals::format).orElseThrow(() -> new IllegalArgumentException(
                "--bind must be an IP address such as 127.0.0.1, 0.0.0.0 or :: (was '" + value + "')\n" + USAGE));
    }

    private static List<String> blocks(String value) {
        List<String> blocks = new ArrayList<>();
        for (String entry : value.split(",")) {
            String trimmed = entry.trim();
            blocks.add(CidrBlock.tryParse(trimmed).map(CidrBlock::toString).orElseThrow(() ->
                    new IllegalArgumentException("--admin-allow: " + CidrBlock.problem(trimmed).orElse("'" + trimmed
                            + "' is not a CIDR block") + "\n" + USAGE)));
        }
        return List.copyOf(blocks);
    }

    /** Loopback, plus the bind address itself: a browser on this machine reaching it comes from that address. */
    private static List<String> thisMachine(String bind) {
        byte[] address = IpLiterals.parse(bind);
        if (isWildcard(address) || LOOPBACK.stream().anyMatch(block -> CidrBlock.parse(block).contains(address))) {
            return LOOPBACK;
        }
        List<String> blocks = new ArrayList<>(LOOPBACK);
        blocks.add(CidrBlock.parse(bind).toString());
        return List.copyOf(blocks);
    }

    private static boolean isWildcard(byte[] address) {
        return Arrays.equals(address, new byte[address.length]);
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
