package io.livepush.security;

import java.util.Optional;

/**
 * Cost parameters of an Argon2id password hash: memory in KiB, number of passes and number of lanes.
 *
 * <p>An instance is always within the bounds that {@link PasswordHasher} is willing to compute: at least
 * {@code 8 * parallelism} KiB of memory (the Argon2 minimum), at least one pass and one lane, and at most
 * {@link #MAX_MEMORY_KIB}, {@link #MAX_ITERATIONS} and {@link #MAX_PARALLELISM}. The upper bounds exist because
 * stored hashes carry their own parameters, and a tampered or corrupted row such as {@code m=2147483648} must not
 * make the server allocate gigabytes or spin for minutes; {@link PasswordHasher#verify} refuses such strings.
 *
 * <p>Production uses {@link #OWASP}. Weaker settings are for tests only, where they keep each hash under a
 * few milliseconds.
 *
 * @param memoryKib   memory cost {@code m} in KiB
 * @param iterations  time cost {@code t}, the number of passes over memory
 * @param parallelism degree of parallelism {@code p}, the number of lanes
 */
public record Argon2Settings(int memoryKib, int iterations, int parallelism) {

    /** The largest memory cost accepted, 1 GiB in KiB. */
    public static final int MAX_MEMORY_KIB = 1024 * 1024;

    /** The largest number of passes accepted. */
    public static final int MAX_ITERATIONS = 100;

    /** The largest number of lanes accepted. */
    public static final int MAX_PARALLELISM = 16;

    /** OWASP Password Storage Cheat Sheet minimum for Argon2id: 19 MiB, 2 passes, 1 lane. */
    public static final Argon2Settings OWASP = new Argon2Settings(19 * 1024, 2, 1);

    /**
     * Checks the bounds described on the type.
     *
     * @throws IllegalArgumentException if a parameter is out of bounds
     */
    public Argon2Settings {
        Optional<String> problem = problem(memoryKib, iterations, parallelism);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /**
     * Tells whether {@code new Argon2Settings(memoryKib, iterations, parallelism)} would succeed.
     *
     * @param memoryKib   memory cost in KiB
     * @param iterations  number of passes
     * @param parallelism number of lanes
     * @return {@code true} if all three are within bounds
     */
    public static boolean isValid(int memoryKib, int iterations, int parallelism) {
        return problem(memoryKib, iterations, parallelism).isEmpty();
    }

    private static Optional<String> problem(int memoryKib, int iterations, int parallelism) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            return Optional.of("parallelism [" + parallelism + "] is not between 1 and " + MAX_PARALLELISM);
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            return Optional.of("iterations [" + iterations + "] is not between 1 and " + MAX_ITERATIONS);
        }
        // Argon2 needs two blocks per lane and sync point: 8 KiB per lane is the smallest legal memory cost.
        if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
            return Optional.of("memoryKib [" + memoryKib + "] is not between " + 8 * parallelism + " and "
                    + MAX_MEMORY_KIB);
        }
        return Optional.empty();
    }
}
