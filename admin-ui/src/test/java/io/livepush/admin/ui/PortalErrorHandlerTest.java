package io.livepush.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.service.DatabaseUnavailableException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class PortalErrorHandlerTest {

    @Test
    void anUnreachableDatabaseIsFoundUnderWrappers() {
        var unavailable = new DatabaseUnavailableException(new SQLTransientConnectionException("gone"));
        assertThat(PortalErrorHandler.databaseUnavailable(new IllegalStateException(new RuntimeException(unavailable))))
                .isSameAs(unavailable);
    }

    @Test
    void otherFailuresAreLeftToTheDefaultHandler() {
        assertThat(PortalErrorHandler.databaseUnavailable(new IllegalStateException("bug"))).isNull();
    }
}
