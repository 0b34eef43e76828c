package io.livepush.admin.metrics;

import io.livepush.service.AdminUserService;
import io.livepush.service.LoginResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletContext;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The series of {@code admin.war}: logins by outcome (portal and API Basic alike), lockouts begun, and API requests by
 * status. No label names a user. Stored as the servlet context attribute {@link #ATTRIBUTE} for the API.
 */
public final class AdminMeters implements AdminUserService.LoginListener {

    /** The servlet context attribute holding the meters. */
    public static final String ATTRIBUTE = AdminMeters.class.getName();
    private static final int STATUSES = 600;

    private final MeterRegistry registry;
    private final Map<LoginResult.Outcome, Counter> logins = new EnumMap<>(LoginResult.Outcome.class);
    private final Counter lockouts;
    private final AtomicReferenceArray<Counter> apiStatuses = new AtomicReferenceArray<>(STATUSES);

    AdminMeters(MeterRegistry registry) {
        this.registry = registry;
        for (LoginResult.Outcome outcome : LoginResult.Outcome.values()) {
            logins.put(outcome, Counter.builder("livepush.admin.logins")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .description("Login attempts (portal and API Basic), by outcome").register(registry));
        }
        lockouts = Counter.builder("livepush.admin.lockouts")
                .description("Users locked out after too many failed logins").register(registry);
    }

    /** The meters of {@code context}, or {@code null} when the admin metrics listener did not run. */
    public static AdminMeters from(ServletContext context) {
        return context.getAttribute(ATTRIBUTE) instanceof AdminMeters meters ? meters : null;
    }

    @Override
    public void attempted(LoginResult.Outcome outcome, boolean lockoutBegins) {
        logins.get(outcome).increment();
        if (lockoutBegins) {
            lockouts.increment();
        }
    }

    /** Counts one answered API request. */
    public void apiAnswered(int status) {
        int index = status >= 0 && status < STATUSES ? status : 0;
        Counter counter = apiStatuses.get(index);
        if (counter == null) {
            counter = Counter.builder("livepush.admin.api.requests").tag("status", Integer.toString(index))
                    .description("REST API requests answered, by status").register(registry);
            apiStatuses.set(index, counter);
        }
        counter.increment();
    }
}
