package io.livepush.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The command-line tools some ITs drive (ffmpeg, ffprobe). A missing tool skips the test with a message saying what to
 * install, except when {@value #REQUIRE_TOOLS}{@code =1} (set by {@code .ci/run}, which installs them): then it fails
 * the test. Every run has a hard time limit, so a hung tool fails the test instead of hanging the build.
 */
public final class ExternalTools {

    /** The environment variable that turns a missing tool from a skip into a failure. */
    public static final String REQUIRE_TOOLS = "LIVEPUSH_REQUIRE_TOOLS";

    private static final Duration VERSION_LIMIT = Duration.ofSeconds(10);
    private static final Duration KILL_LIMIT = Duration.ofSeconds(5);

    private ExternalTools() {
    }

    /** What a finished run printed. */
    public record Outcome(int exitCode, String stdout, String stderr) {
    }

    /**
     * Skips the calling test unless every tool answers {@code -version}; fails it instead when
     * {@value #REQUIRE_TOOLS}{@code =1}.
     *
     * @param installHint what installs the tools, for the message (for example {@code apt-get install -y ffmpeg})
     */
    public static void assumeInstalled(String installHint, String... tools) throws InterruptedException {
        List<String> missing = new ArrayList<>();
        for (String tool : tools) {
            if (!isInstalled(tool)) {
                missing.add(tool);
            }
        }
        assumeNoneMissing(installHint, missing);
    }

    /**
     * Skips the calling test unless {@code tool} is an executable file on the {@code PATH}, for tools that have no
     * {@code -version} option (litmus would run its tests instead); fails it instead when
     * {@value #REQUIRE_TOOLS}{@code =1}.
     */
    public static void assumeOnPath(String installHint, String tool) {
        boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, tool)));
        assumeNoneMissing(installHint, found ? List.of() : List.of(tool));
    }

    private static void assumeNoneMissing(String installHint, List<String> missing) {
        String message = "Not installed: " + missing + " (" + installHint + ")";
        if ("1".equals(System.getenv(REQUIRE_TOOLS))) {
            assertThat(missing).as(message + "; " + REQUIRE_TOOLS + "=1 requires them").isEmpty();
        }
        Assumptions.assumeTrue(missing.isEmpty(), message + "; skipping this test");
    }

    /** Whether {@code tool -version} runs and exits with 0 within ten seconds. */
    public static boolean isInstalled(String tool) throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(tool, "-version").redirectErrorStream(true)
                    .redirectOutput(Redirect.DISCARD).start();
        } catch (IOException e) {
            // "Cannot run program": the tool is not on the PATH, which is the answer this method gives.
            return false;
        }
        if (!process.waitFor(VERSION_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            stop(process);
            return false;
        }
        return process.exitValue() == 0;
    }

    /** Starts {@code command} with its standard output and error appended to {@code log} and standard input closed. */
    public static Process start(List<String> command, Path log) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile())).start();
        process.getOutputStream().close();
        return process;
    }

    /**
     * Waits for {@code process} to exit; past {@code limit} it is destroyed and the caller's test fails.
     *
     * @return the exit code
     */
    public static int awaitExit(Process process, Duration limit, String what) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            stop(process);
            throw new AssertionError(what + " did not finish within " + limit + " and was killed");
        }
        return process.exitValue();
    }

    /** Runs a short command to its end, capturing what it prints; past {@code limit} it is killed and this fails. */
    public static Outcome run(Duration limit, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("tool-out", ".txt");
        Path err = Files.createTempFile("tool-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            process.getOutputStream().close();
            int exitCode = awaitExit(process, limit, Arrays.toString(command));
            return new Outcome(exitCode, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Destroys {@code process} politely, then forcibly if it does not go within five seconds. */
    public static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(KILL_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(KILL_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
