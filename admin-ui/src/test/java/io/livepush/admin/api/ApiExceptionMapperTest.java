package io.livepush.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.admin.api.json.ErrorJson;
import io.livepush.service.AccessDeniedException;
import io.livepush.service.ConflictException;
import io.livepush.service.DatabaseUnavailableException;
import io.livepush.service.EntitlementExceededException;
import io.livepush.service.InvalidInputException;
import io.livepush.service.LivePushException;
import io.livepush.service.NoSuchSlotException;
import io.livepush.service.SlotNameTakenException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each service refusal maps to its status and error code. */
class ApiExceptionMapperTest {

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(new NoSuchSlotException("cam1"), 404, "not_found"),
                Arguments.of(new AccessDeniedException("Only operators may manage PoPs"), 403, "forbidden"),
                Arguments.of(new SlotNameTakenException("cam1"), 409, "name_taken"),
                Arguments.of(new EntitlementExceededException("No Live Push slot left"), 409, "entitlement_exceeded"),
                Arguments.of(new ConflictException("A PoP named 'eu1' exists"), 409, "conflict"),
                Arguments.of(new InvalidInputException(Map.of("totalKbps", "too low")), 422, "invalid_input"),
                Arguments.of(new DatabaseUnavailableException(new SQLTransientConnectionException("gone")), 503,
                        "database_unavailable"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusalMapsToStatusAndCode(LivePushException exception, int status, String error) {
        Response response = new ApiExceptionMapper().toResponse(exception);
        assertThat(response.getStatus()).isEqualTo(status);
        ErrorJson body = (ErrorJson) response.getEntity();
        assertThat(body.error()).isEqualTo(error);
        assertThat(body.detail()).isEqualTo(exception.getMessage());
    }

    @Test
    void anUnreachableDatabaseAsksTheClientToRetry() {
        Response response = new ApiExceptionMapper().toResponse(
                new DatabaseUnavailableException(new SQLTransientConnectionException("gone")));
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(((ErrorJson) response.getEntity()).detail()).doesNotContain("gone");
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void onlyInvalidInputCarriesFields(LivePushException exception, int status, String error) {
        ErrorJson body = (ErrorJson) new ApiExceptionMapper().toResponse(exception).getEntity();
        assertThat(body.fields() != null).isEqualTo(status == 422);
    }
}
