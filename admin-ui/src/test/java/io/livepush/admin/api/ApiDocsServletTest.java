package io.livepush.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiDocsServletTest {

    @Test
    void thePageLoadsSwaggerUiFromTheWebJarVersionOnTheClasspath() {
        String folder = "/META-INF/resources/webjars/swagger-ui/" + ApiDocsServlet.SWAGGER_UI_VERSION + "/";

        String page = ApiDocsServlet.page();

        assertThat(ApiDocsServlet.class.getResource(folder + "swagger-ui-bundle.js")).isNotNull();
        assertThat(ApiDocsServlet.class.getResource(folder + "swagger-ui.css")).isNotNull();
        assertThat(page).contains("../webjars/swagger-ui/" + ApiDocsServlet.SWAGGER_UI_VERSION
                + "/swagger-ui-bundle.js").contains("../api-docs/api-docs.js").doesNotContain("@SWAGGER_UI_VERSION@");
    }
}
