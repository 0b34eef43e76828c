package io.livepush.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Which local addresses listen on a TCP port, read from Linux's {@code /proc/net/tcp} and {@code /proc/net/tcp6}
 * (sockets of every process, so also of child processes such as {@code mariadbd}).
 */
public final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** Whether this system shows its sockets in {@code /proc/net}. */
    public static boolean isSupported() {
        return Files.isReadable(Path.of("/proc/net/tcp"));
    }

    /** The addresses listening on {@code port}, as {@link InetAddress#getHostAddress()} spells them. */
    public static List<String> addressesOf(int port) throws IOException {
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                String[] local = fields[1].split(":");
                if (LISTEN.equals(fields[3]) && Integer.parseInt(local[1], 16) == port) {
                    addresses.add(address(local[0]));
                }
            }
        }
        return addresses;
    }

    /** The kernel prints each 32-bit word of the address in host (little-endian) order. */
    private static String address(String hex) throws IOException {
        byte[] raw = HexFormat.of().parseHex(hex);
        byte[] address = new byte[raw.length];
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                address[word + i] = raw[word + 3 - i];
            }
        }
        return InetAddress.getByAddress(address).getHostAddress();
    }
}
