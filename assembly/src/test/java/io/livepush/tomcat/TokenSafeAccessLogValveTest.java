package io.livepush.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenSafeAccessLogValveTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/live/play/demo/demo/index.m3u8|/live/play/demo/demo/index.m3u8",
        "/live/play/demo/demo/token=e=1700003600~h=5badbfcc6f415a7f49d482da0d511720/720p/seg_1.ts"
                + "|/live/play/demo/demo/[token]/720p/seg_1.ts",
        "/live/play/demo/demo/token=s=1~e=2~p=36~h=5bad/index.m3u8|/live/play/demo/demo/[token]/index.m3u8",
        "/live/play/demo/demo/tk/x=e=2~h=5bad/index.m3u8|/live/play/demo/demo/tk/[token]/index.m3u8",
        "/live/play/demo/demo/token=e=2%7Eh=5bad/a.ts|/live/play/demo/demo/[token]/a.ts",
        "/live/play/demo/demo/a.ts;h=5bad|/live/play/demo/demo/[token]",
        "/live/play/demo/demo/token=e=2~x=truncated/a.ts|/live/play/demo/demo/[token]/a.ts",
        "/live/push/demo/demo/|/live/push/demo/demo/"
    })
    void pathTokensNeverReachTheLog(String path, String logged) {
        assertThat(TokenSafeAccessLogValve.withoutTokens(path)).isEqualTo(logged);
    }
}
