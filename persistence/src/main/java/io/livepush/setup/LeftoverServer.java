package io.livepush.setup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code mariadbd} left running on our data directory by an earlier process that died without stopping it (the JVM
 * was killed with {@code SIGKILL}, or crashed). Such a server keeps the data directory's locks, so a new server would
 * wait for them and give up. Found through the pid file the server writes; it counts as ours only while that process
 * is alive and its command line names this very data directory, so a pid since reused by an unrelated process is
 * never touched. The caller must hold the data directory's lock, which proves that no live process of ours uses it.
 */
final class LeftoverServer {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverServer.class);
    private static final long STOP_SECONDS = 60;

    private final ProcessHandle process;
    private final Path dataDir;

    private LeftoverServer(ProcessHandle process, Path dataDir) {
        this.process = process;
        this.dataDir = dataDir;
    }

    /**
     * Finds the servers named in the pid files ({@code *.pid}) of {@code dataDir} that are alive and run on it. Older
     * quick starts left the server's default pid file ({@code <host name>.pid}); ours name it with {@code --pid-file}.
     */
    static List<LeftoverServer> find(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return List.of();
        }
        List<LeftoverServer> found = new ArrayList<>();
        try (DirectoryStream<Path> pidFiles = Files.newDirectoryStream(dataDir, "*.pid")) {
            for (Path pidFile : pidFiles) {
                pid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                        .filter(handle -> servesDataDir(arguments(handle), dataDir))
                        .ifPresent(handle -> found.add(new LeftoverServer(handle, dataDir)));
            }
        }
        return found;
    }

    private static Optional<Long> pid(Path pidFile) throws IOException {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether a command line holds {@code --datadir=} naming {@code dataDir} (compared as absolute paths). */
    static boolean servesDataDir(List<String> arguments, Path dataDir) {
        Path wanted = dataDir.toAbsolutePath().normalize();
        return arguments.stream().filter(argument -> argument.startsWith("--datadir="))
                .map(argument -> Path.of(argument.substring("--datadir=".length())).toAbsolutePath().normalize())
                .anyMatch(wanted::equals);
    }

    long pid() {
        return process.pid();
    }

    /**
     * Stops the server: {@code SIGTERM} first, so InnoDB shuts down cleanly, then {@code SIGKILL} after a minute.
     *
     * @throws IOException naming the pid when the process is still alive after that
     */
    void stop() throws IOException {
        LOG.warn("Stopping MariaDB [pid {}], left running on [{}] by an earlier start that did not stop it",
                process.pid(), dataDir);
        process.destroy();
        if (!awaitExit()) {
            LOG.warn("MariaDB [pid {}] ignored SIGTERM for {} s; killing it", process.pid(), STOP_SECONDS);
            process.destroyForcibly();
            if (!awaitExit()) {
                throw new IOException("MariaDB (pid " + process.pid() + ") still holds the data directory and"
                        + " cannot be stopped; stop it with 'kill -9 " + process.pid() + "' and start again");
            }
        }
    }

    private boolean awaitExit() throws IOException {
        try {
            process.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IOException("Waiting for MariaDB (pid " + process.pid() + ") to stop failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for MariaDB (pid " + process.pid() + ") to stop", e);
        }
    }

    /** The process's arguments; from {@code /proc/<pid>/cmdline} on Linux, where the JDK may not report them. */
    private static List<String> arguments(ProcessHandle handle) {
        Path cmdline = Path.of("/proc", Long.toString(handle.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                return List.of(new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0"));
            }
        } catch (IOException e) {
            // The process ended between the two calls: it holds nothing any more.
            return List.of();
        }
        return handle.info().arguments().map(List::of).orElse(List.of());
    }
}
