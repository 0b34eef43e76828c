package io.livepush.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.router.HasErrorParameter;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ServerErrorViewTest {

    @Test
    void theServerErrorPageShowsAPlainMessageOnly() {
        ServerErrorView view = new ServerErrorView();

        view.show("slots");

        String text = view.getChildren().map(ServerErrorViewTest::text).collect(Collectors.joining("\n"));
        assertThat(text).contains("Server error").contains(ServerErrorView.MESSAGE).doesNotContain("/")
                .doesNotContain("Exception");
    }

    @Test
    void itTakesOverEveryUnexpectedExceptionFromVaadinsDefaultPage() {
        assertThat(HasErrorParameter.class).isAssignableFrom(ServerErrorView.class);
        assertThat(ServerErrorView.class.getGenericInterfaces()[0].getTypeName())
                .isEqualTo("com.vaadin.flow.router.HasErrorParameter<java.lang.Exception>");
    }

    private static String text(Component component) {
        return component instanceof HasText hasText ? hasText.getText() : "";
    }
}
