package io.livepush.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.livepush.domain.AdminRole;
import io.livepush.mediavault.MediaVaultSigner;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** API tokens (stored as digests only) and the portal's playback URL signing, on a real schema. */
class ApiTokenServiceIT {

    private final ServiceFixture fixture = new ServiceFixture();
    private final ApiTokenService tokens = new ApiTokenService(fixture.database, fixture.clock);
    private final PlaybackSigningService signing = new PlaybackSigningService(fixture.database, fixture.clock);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void tokenAuthenticatesAsItsUserUntilRevoked() {
        fixture.users.create(ServiceFixture.OPERATOR, "alice", ServiceFixture.PASSWORD, AdminRole.ACCOUNT_ADMIN,
                "acme");
        IssuedApiToken issued = tokens.create(ServiceFixture.ACME_ADMIN, "ci");
        assertThat(issued.token()).startsWith("lpt_").hasSize(44);
        assertThat(issued.toString()).doesNotContain(issued.token());
        assertThat(tokens.authenticate(issued.token())).contains(ServiceFixture.ACME_ADMIN);
        assertThat(tokens.list(ServiceFixture.ACME_ADMIN)).singleElement()
                .satisfies(token -> assertThat(token.lastUsedAt()).isNotNull());
        assertThatThrownBy(() -> tokens.revoke(ServiceFixture.GLOBEX_ADMIN, issued.record().id()))
                .isInstanceOf(NotFoundException.class);
        tokens.revoke(ServiceFixture.ACME_ADMIN, issued.record().id());
        assertThat(tokens.authenticate(issued.token())).isEmpty();
    }

    @Test
    void onlyADigestIsStored() throws Exception {
        fixture.users.create(ServiceFixture.OPERATOR, "alice", ServiceFixture.PASSWORD, AdminRole.ACCOUNT_ADMIN,
                "acme");
        IssuedApiToken issued = tokens.create(ServiceFixture.ACME_ADMIN, "ci");
        try (Connection connection = fixture.schema.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT token_digest, token_hint FROM api_token")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(ApiTokenService.digest(issued.token()))
                    .doesNotContain(issued.token().substring(4));
            assertThat(issued.token()).startsWith(rows.getString(2));
        }
    }

    @Test
    void malformedOrUnknownTokensAreRejected() {
        assertThat(tokens.authenticate(null)).isEmpty();
        assertThat(tokens.authenticate("lpt_short")).isEmpty();
        assertThat(tokens.authenticate("lpt_" + "0".repeat(40))).isEmpty();
    }

    @Test
    void signingUsesTheSlotsPrimarySecretForItsOwnAccountOnly() {
        SlotRecord slot = fixture.create(ServiceFixture.ACME_ADMIN, "acme", "cam1");
        String url = slot.playbackUrl(true) + "index.m3u8";
        String signed = signing.sign(ServiceFixture.ACME_ADMIN, slot.id(), url, Duration.ofHours(1), null, false);
        long end = fixture.clock.instant().plus(Duration.ofHours(1)).getEpochSecond();
        assertThat(signed).isEqualTo(new MediaVaultSigner("primarySecret1").sign(url,
                MediaVaultSigner.Term.end(end)));
        assertThatThrownBy(() -> signing.sign(ServiceFixture.GLOBEX_ADMIN, slot.id(), url, Duration.ofHours(1), null,
                false)).isInstanceOf(NoSuchSlotException.class);
        assertThatThrownBy(() -> signing.sign(ServiceFixture.ACME_ADMIN, slot.id(), url, Duration.ofDays(30), null,
                false)).isInstanceOf(InvalidInputException.class);
    }
}
