package io.livepush.admin;

import io.livepush.service.AccountService;
import io.livepush.service.AdminUserService;
import io.livepush.service.ApiTokenService;
import io.livepush.service.IngestStatsService;
import io.livepush.service.PlaybackSigningService;
import io.livepush.service.PopService;
import io.livepush.service.RenditionHealthService;
import io.livepush.service.SlotListService;
import io.livepush.service.SlotService;
import jakarta.servlet.ServletContext;
import java.util.Objects;

/**
 * Every service the portal and the API use, built once by {@link AdminBootstrap} and kept as a servlet context
 * attribute. Views and resources receive it instead of reaching for singletons, so tests can hand in their own.
 */
public record AdminServices(SlotService slots, SlotListService slotList, AccountService accounts, PopService pops,
        AdminUserService users, ApiTokenService tokens, PlaybackSigningService signing, IngestStatsService stats,
        RenditionHealthService health, AdminConfig config) {

    /** The servlet context attribute holding the instance. */
    public static final String ATTRIBUTE = AdminServices.class.getName();

    public AdminServices {
        Objects.requireNonNull(slots, "slots");
        Objects.requireNonNull(stats, "stats");
    }

    /** The instance {@link AdminBootstrap} stored in {@code context}. */
    public static AdminServices from(ServletContext context) {
        Object services = context.getAttribute(ATTRIBUTE);
        if (services == null) {
            throw new IllegalStateException("AdminBootstrap has not run: no [" + ATTRIBUTE + "] attribute");
        }
        return (AdminServices) services;
    }
}
