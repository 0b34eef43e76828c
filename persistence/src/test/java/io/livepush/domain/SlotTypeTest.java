package io.livepush.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SlotTypeTest {

    @Test
    void onlyLivePushRunsHere() {
        assertThat(SlotType.LIVE_PUSH.runsHere()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = SlotType.class, names = "LIVE_PUSH", mode = EnumSource.Mode.EXCLUDE)
    void otherTypesDoNotRunHere(SlotType type) {
        assertThat(type.runsHere()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            TRANSCODE_1080P | transcode-1080p | Transcode 1080p
            TRANSCODE_720P  | transcode-720p  | Transcode 720p
            TRANSCODE_576P  | transcode-576p  | Transcode 576p
            TRANSMUX        | transmux        | Transmux
            LIVE_PUSH       | live-push       | Live Push
            """)
    void typeHasItsApiValueAndDisplayName(SlotType type, String apiValue, String displayName) {
        assertThat(type.apiValue()).isEqualTo(apiValue);
        assertThat(type.displayName()).isEqualTo(displayName);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            live-push       | LIVE_PUSH
            Live Push       | LIVE_PUSH
            LIVE PUSH       | LIVE_PUSH
            live push       | LIVE_PUSH
            LIVE-PUSH       | LIVE_PUSH
            transcode-1080p | TRANSCODE_1080P
            Transcode 1080p | TRANSCODE_1080P
            TRANSCODE-1080P | TRANSCODE_1080P
            transcode-720p  | TRANSCODE_720P
            Transcode 720P  | TRANSCODE_720P
            transcode-576p  | TRANSCODE_576P
            transcode 576p  | TRANSCODE_576P
            transmux        | TRANSMUX
            Transmux        | TRANSMUX
            TRANSMUX        | TRANSMUX
            """)
    void apiValueOrDisplayNameParsesIgnoringCase(String text, SlotType type) {
        assertThat(SlotType.parse(text)).isEqualTo(type);
        assertThat(SlotType.tryParse(text)).contains(type);
    }

    @ParameterizedTest
    @EnumSource(SlotType.class)
    void everyTypeParsesFromItsOwnApiValueAndDisplayName(SlotType type) {
        assertThat(SlotType.parse(type.apiValue())).isEqualTo(type);
        assertThat(SlotType.parse(type.displayName())).isEqualTo(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        " ",
        "live_push",
        "LIVE_PUSH",
        "livepush",
        "Live  Push",
        " live-push",
        "live-push ",
        "push",
        "transcode",
        "transcode-480p",
        "transcode-1080",
        "1080p",
        "trans-mux",
        "l\u00efve-push",
        "live-push\n",
    })
    void unknownTypeIsRejectedQuotingTheInput(String text) {
        assertThat(SlotType.tryParse(text)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> SlotType.parse(text))
                .withMessage("'" + text.replace('\n', '?') + "' is not a slot type");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingTypeIsRejected(String text) {
        assertThat(SlotType.tryParse(text)).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> SlotType.parse(text))
                .withMessage("'' is not a slot type");
    }
}
