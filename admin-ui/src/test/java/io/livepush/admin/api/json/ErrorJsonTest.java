package io.livepush.admin.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorJsonTest {

    @Test
    void longDetailsAndMessagesAreCut() {
        ErrorJson error = new ErrorJson("invalid_input", "d".repeat(5000),
                Map.of("f".repeat(500), "m".repeat(5000)));

        assertThat(error.detail()).hasSize(ErrorJson.MAX_DETAIL).endsWith("…");
        Map.Entry<String, String> field = error.fields().entrySet().iterator().next();
        assertThat(field.getKey()).hasSize(ErrorJson.MAX_FIELD_NAME);
        assertThat(field.getValue()).hasSize(ErrorJson.MAX_MESSAGE);
    }

    @Test
    void atMostFiftyFieldsAreListedAndTheDetailSaysHowManyMore() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < 80; i++) {
            fields.put("publishCidrs[" + i + "]", "bad");
        }
        ErrorJson error = new ErrorJson("invalid_input", "many problems", fields);

        assertThat(error.fields()).hasSize(ErrorJson.MAX_FIELDS).containsKey("publishCidrs[0]")
                .doesNotContainKey("publishCidrs[50]");
        assertThat(error.detail()).isEqualTo("many problems (30 more problems not listed)");
    }

    @Test
    void smallErrorsAreUntouched() {
        ErrorJson error = new ErrorJson("not_found", "There is no slot 'cam1'");
        assertThat(error.detail()).isEqualTo("There is no slot 'cam1'");
        assertThat(error.fields()).isNull();
    }
}
