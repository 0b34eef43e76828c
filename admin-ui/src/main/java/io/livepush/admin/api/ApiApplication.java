package io.livepush.admin.api;

import io.livepush.admin.AdminServices;
import io.livepush.admin.metrics.AdminMeters;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.core.Context;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The REST API ({@code /api/v1}, mapped in {@code web.xml}): every resource, the authentication filter and the
 * exception mappers, registered explicitly. Resources find {@link AdminServices} in the servlet context.
 */
public class ApiApplication extends ResourceConfig {

    public ApiApplication(@Context ServletContext context) {
        AdminServices services = AdminServices.from(context);
        register(JacksonFeature.withoutExceptionMappers());
        register(new ApiAuthFilter(services));
        AdminMeters meters = AdminMeters.from(context);
        if (meters != null) {
            register(new ApiMetricsFilter(meters));
        }
        register(BodyLimitInterceptor.class);
        register(ApiExceptionMapper.class);
        register(WebApplicationExceptionMapper.class);
        register(JsonExceptionMapper.class);
        register(SlotResource.class);
        register(AccountResource.class);
        register(PopResource.class);
        register(OpenApiResource.class);
        property(ServerProperties.BV_FEATURE_DISABLE, true);
        property(ServerProperties.WADL_FEATURE_DISABLE, true);
        property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
    }
}
