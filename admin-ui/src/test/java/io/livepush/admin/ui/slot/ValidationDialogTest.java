package io.livepush.admin.ui.slot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidationDialogTest {

    @Test
    void problemsNameTheFieldsAsTheDialogShowsThem() {
        assertThat(ValidationDialog.fieldLabel("viewerRules[0]")).isEqualTo("Viewer rule 1");
        assertThat(ValidationDialog.fieldLabel("viewerRules[11]")).isEqualTo("Viewer rule 12");
        assertThat(ValidationDialog.fieldLabel("mediaVault.primarySecret")).isEqualTo("primarySecret");
        assertThat(ValidationDialog.fieldLabel("viewerDefault")).isEqualTo("viewerDefault");
    }
}
