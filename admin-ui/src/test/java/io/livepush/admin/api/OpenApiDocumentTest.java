package io.livepush.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.livepush.admin.api.json.AccountInput;
import io.livepush.admin.api.json.AccountJson;
import io.livepush.admin.api.json.CloneInput;
import io.livepush.admin.api.json.CredentialInput;
import io.livepush.admin.api.json.CredentialJson;
import io.livepush.admin.api.json.EntitlementsJson;
import io.livepush.admin.api.json.ErrorJson;
import io.livepush.admin.api.json.HistoryEntryJson;
import io.livepush.admin.api.json.LiveStatusJson;
import io.livepush.admin.api.json.MediaVaultInputJson;
import io.livepush.admin.api.json.MediaVaultJson;
import io.livepush.admin.api.json.PopInput;
import io.livepush.admin.api.json.PopJson;
import io.livepush.admin.api.json.RenditionHealthJson;
import io.livepush.admin.api.json.SlotHealthJson;
import io.livepush.admin.api.json.SlotInput;
import io.livepush.admin.api.json.SlotJson;
import io.livepush.admin.api.json.SlotPageJson;
import io.livepush.admin.api.json.SlotSummaryJson;
import io.livepush.admin.api.json.SlotUrlsJson;
import io.livepush.admin.api.json.ViewerRuleJson;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document matches the implementation: exactly the resource methods that exist (path and HTTP
 * method), and for each schema exactly the fields of its JSON record.
 */
class OpenApiDocumentTest {

    private static final Class<?>[] RESOURCES = {SlotResource.class, AccountResource.class, PopResource.class,
        OpenApiResource.class};
    private static final Map<String, Class<?>> SCHEMAS = Map.ofEntries(Map.entry("Error", ErrorJson.class),
            Map.entry("Credential", CredentialJson.class), Map.entry("CredentialInput", CredentialInput.class),
            Map.entry("ViewerRule", ViewerRuleJson.class), Map.entry("MediaVault", MediaVaultJson.class),
            Map.entry("MediaVaultInput", MediaVaultInputJson.class), Map.entry("SlotUrls", SlotUrlsJson.class),
            Map.entry("Pop", PopJson.class), Map.entry("PopInput", PopInput.class), Map.entry("Slot", SlotJson.class),
            Map.entry("SlotInput", SlotInput.class), Map.entry("CloneInput", CloneInput.class),
            Map.entry("SlotSummary", SlotSummaryJson.class), Map.entry("SlotPage", SlotPageJson.class),
            Map.entry("LiveStatus", LiveStatusJson.class), Map.entry("HistoryEntry", HistoryEntryJson.class),
            Map.entry("SlotHealth", SlotHealthJson.class), Map.entry("RenditionHealth", RenditionHealthJson.class),
            Map.entry("Account", AccountJson.class), Map.entry("AccountInput", AccountInput.class),
            Map.entry("EntitlementType", EntitlementsJson.TypeJson.class),
            Map.entry("Entitlements", EntitlementsJson.class));

    private static JsonNode document() throws Exception {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            assertThat(in).as("openapi.json on the class path").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void documentListsExactlyTheImplementedOperations() throws Exception {
        Set<String> documented = new TreeSet<>();
        JsonNode paths = document().path("paths");
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            paths.path(path).fieldNames().forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT)
                    + " " + path));
        }
        assertThat(documented).isEqualTo(implemented());
    }

    @Test
    void schemasHaveExactlyTheFieldsOfTheirRecords() throws Exception {
        JsonNode schemas = document().path("components").path("schemas");
        Set<String> names = new HashSet<>();
        schemas.fieldNames().forEachRemaining(names::add);
        assertThat(names).isEqualTo(SCHEMAS.keySet());
        SCHEMAS.forEach((name, type) -> {
            Set<String> properties = new TreeSet<>();
            schemas.path(name).path("properties").fieldNames().forEachRemaining(properties::add);
            Set<String> components = new TreeSet<>(Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getName).toList());
            assertThat(properties).as("schema %s vs %s", name, type.getSimpleName()).isEqualTo(components);
        });
    }

    @Test
    void everyReferenceResolves() throws Exception {
        JsonNode document = document();
        String text = document.toString();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("#/components/schemas/([A-Za-z]+)")
                .matcher(text);
        while (matcher.find()) {
            assertThat(document.path("components").path("schemas").has(matcher.group(1)))
                    .as(matcher.group()).isTrue();
        }
    }

    private static Set<String> implemented() {
        Set<String> operations = new TreeSet<>();
        for (Class<?> resource : RESOURCES) {
            String base = "/" + resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = method.isAnnotationPresent(GET.class) ? "GET"
                        : method.isAnnotationPresent(POST.class) ? "POST"
                        : method.isAnnotationPresent(PUT.class) ? "PUT"
                        : method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                if (verb != null) {
                    Path sub = method.getAnnotation(Path.class);
                    operations.add(verb + " " + base + (sub == null ? "" : "/" + sub.value()));
                }
            }
        }
        return operations;
    }
}
