package io.livepush.admin.api;

import io.livepush.admin.metrics.AdminMeters;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/** Counts every API answer by status ({@code livepush_admin_api_requests_total}), refusals and errors included. */
final class ApiMetricsFilter implements ContainerResponseFilter {

    private final AdminMeters meters;

    ApiMetricsFilter(AdminMeters meters) {
        this.meters = meters;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        meters.apiAnswered(response.getStatus());
    }
}
