package io.livepush.mediavault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every row of {@code mediavault-vectors.tsv} (a verbatim copy of shared/reference/mediavault-vectors.tsv,
 * reference/mediavault.md §19) through {@link MediaVaultVerifier}.
 */
class MediaVaultVectorsTest {

    private static final String RESOURCE = "/mediavault/mediavault-vectors.tsv";
    private static final int COLUMNS = 14;
    private static final int DOCUMENTED_ROWS = 41;

    /**
     * The reason code each DENY row must produce. The TSV's reason column is prose; these codes follow from it and
     * from §6. V29's prose says "expired", but §5 [decision] rejects any MediaVault term after h as MV_MALFORMED,
     * and syntax is checked before time (§6 step 2), so the code is MV_MALFORMED; the verdict and status agree.
     */
    private static final Map<String, MediaVaultReason> DENY_REASONS = Map.ofEntries(
            Map.entry("V05", MediaVaultReason.MV_HASH),
            Map.entry("V06", MediaVaultReason.MV_EXPIRED),
            Map.entry("V08", MediaVaultReason.MV_EXPIRED),
            Map.entry("V09", MediaVaultReason.MV_NOT_YET),
            Map.entry("V11", MediaVaultReason.MV_HASH),
            Map.entry("V12", MediaVaultReason.MV_HASH),
            Map.entry("V13", MediaVaultReason.MV_HASH),
            Map.entry("V14", MediaVaultReason.MV_HASH),
            Map.entry("V16", MediaVaultReason.MV_HASH),
            Map.entry("V18", MediaVaultReason.MV_IP),
            Map.entry("V20", MediaVaultReason.MV_IP),
            Map.entry("V22", MediaVaultReason.MV_IP),
            Map.entry("V23", MediaVaultReason.MV_IP),
            Map.entry("V24", MediaVaultReason.MV_MISSING),
            Map.entry("V26", MediaVaultReason.MV_MALFORMED),
            Map.entry("V29", MediaVaultReason.MV_MALFORMED),
            Map.entry("V30", MediaVaultReason.MV_HASH),
            Map.entry("V33", MediaVaultReason.MV_REFERRER),
            Map.entry("V36", MediaVaultReason.MV_EXPIRED),
            Map.entry("V37", MediaVaultReason.MV_HASH),
            Map.entry("V40", MediaVaultReason.MV_MALFORMED));

    /** One TSV row; {@code toString} is the display name of the parameterized case. */
    record Vector(String id, String signSecret, String url, long now, String clientIp, String expected,
            int httpStatus, String reason, String referer, String cookie, String serverPrimary,
            String serverSecondary, String md5Input, String md5InputMatchesH) {

        int number() {
            return Integer.parseInt(id.substring(1));
        }

        @Override
        public String toString() {
            return id + " " + expected + ": " + reason;
        }
    }

    @Test
    void everyRowOfTheVectorFileIsLoaded() {
        List<String> lines = dataLines();
        List<Vector> vectors = vectors();

        assertThat(vectors).hasSize(lines.size()).hasSize(DOCUMENTED_ROWS);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < vectors.size(); i++) {
            assertThat(vectors.get(i).id()).isEqualTo(String.format("V%02d", i + 1));
            assertThat(ids.add(vectors.get(i).id())).isTrue();
        }
    }

    @Test
    void everyDenyRowHasAnExpectedReasonCode() {
        List<String> denyIds = vectors().stream().filter(v -> "DENY".equals(v.expected())).map(Vector::id).toList();

        assertThat(DENY_REASONS.keySet()).containsExactlyInAnyOrderElementsOf(denyIds);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void verifierReachesTheVerdictOfTheVector(Vector vector) {
        MediaVaultVerifier verifier = new MediaVaultVerifier(settingsFor(vector));
        MediaVaultRequest request = new MediaVaultRequest(vector.url(), vector.clientIp(),
                vector.referer().isEmpty() ? null : vector.referer(),
                MediaVaultRequest.parseCookieHeader(vector.cookie()));

        Verdict verdict = verifier.check(request, path -> true, vector.now());

        assertThat(verdict.allowed()).as("%s allowed, %s", vector, verdict).isEqualTo("ALLOW".equals(
                vector.expected()));
        assertThat(verdict.status()).as("%s status", vector).isEqualTo(vector.httpStatus());
        assertThat(verdict.reason()).as("%s reason", vector).isEqualTo(DENY_REASONS.get(vector.id()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void md5InputColumnAgreesWithTheDigestTheRequestCarries(Vector vector) {
        String carried = carriedDigest(vector.cookie().isEmpty() ? vector.url() : vector.cookie());
        if ("n/a".equals(vector.md5InputMatchesH())) {
            assertThat(carried).isNull();
            return;
        }
        byte[] md5 = TokenDigests.md5(new byte[0], vector.md5Input());

        assertThat(TokenDigests.hex(md5).equalsIgnoreCase(carried)).as(vector.toString())
                .isEqualTo("yes".equals(vector.md5InputMatchesH()));
    }

    /** Settings assumed by the vectors (§19): URL_ALL; V35–V37 COOKIE; V38–V39 path-based; every default else. */
    static MediaVaultSettings settingsFor(Vector vector) {
        int number = vector.number();
        MediaVaultMode mode = number >= 35 && number <= 37 ? MediaVaultMode.COOKIE : MediaVaultMode.URL_ALL;
        return MediaVaultSettings.builder().mode(mode).primarySecret(vector.serverPrimary())
                .secondarySecret(vector.serverSecondary()).pathBased(number == 38 || number == 39).build();
    }

    /** Returns the value of the first {@code h} term in a URL, path token or cookie, or {@code null}. */
    private static String carriedDigest(String text) {
        for (String separator : List.of("?h=", "&h=", "~h=", "=h=")) {
            int at = text.indexOf(separator);
            if (at >= 0) {
                int start = at + separator.length();
                int end = start;
                while (end < text.length() && "&/;".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                return text.substring(start, end);
            }
        }
        return null;
    }

    static List<Vector> vectors() {
        List<Vector> vectors = new ArrayList<>();
        for (String line : dataLines()) {
            String[] c = line.split("\t", -1);
            assertThat(c).as("columns of %s", line).hasSize(COLUMNS);
            vectors.add(new Vector(c[0], c[1], c[2], Long.parseLong(c[3]), c[4], c[5], Integer.parseInt(c[6]), c[7],
                    c[8], c[9], c[10], c[11], c[12], c[13]));
        }
        return vectors;
    }

    /** The non-empty lines after the header, read from the classpath. */
    private static List<String> dataLines() {
        try (InputStream in = MediaVaultVectorsTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE + " on the test classpath").isNotNull();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank()).toList();
            assertThat(lines.get(0)).startsWith("id\tsign_secret\turl");
            return lines.subList(1, lines.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
