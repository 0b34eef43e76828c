package io.livepush.admin.api;

import io.livepush.admin.AdminServices;
import io.livepush.admin.api.json.PopInput;
import io.livepush.admin.api.json.PopJson;
import io.livepush.domain.Region;
import io.livepush.service.InvalidInputException;
import io.livepush.service.PopDraft;
import io.livepush.service.PopRecord;
import io.livepush.service.PopService;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/pops}: everyone may list PoPs (slots need their IDs); only operators change them. */
@Path("v1/pops")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PopResource {

    @Context
    private ServletContext context;
    @Context
    private SecurityContext security;
    @Context
    private UriInfo uri;

    @GET
    public List<PopJson> list() {
        ApiActors.of(security);
        return services().pops().list().stream().map(JsonMapping::pop).toList();
    }

    @POST
    public Response create(PopInput input) {
        PopRecord pop = services().pops().create(ApiActors.of(security), draft(input));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(pop.id())).build())
                .entity(JsonMapping.pop(pop)).build();
    }

    @PUT
    @Path("{id}")
    public Response update(@PathParam("id") long id, PopInput input) {
        services().pops().update(ApiActors.of(security), id, draft(input));
        return Response.noContent().build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        services().pops().delete(ApiActors.of(security), id);
        return Response.noContent().build();
    }

    private static PopDraft draft(PopInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "A JSON body is required");
        }
        Region region = input.region() == null ? null : Region.tryParse(input.region()).orElse(null);
        PopDraft draft = new PopDraft(input.name(), region, input.ingestBaseUrl(), input.playbackBaseUrl(),
                input.playbackHttpsBaseUrl());
        if (input.region() != null && region == null) {
            // Report the unknown region together with every other problem of the input.
            Map<String, String> problems = new LinkedHashMap<>(PopService.problems(draft));
            problems.put("region", "'" + input.region() + "' is not a region");
            throw new InvalidInputException(problems);
        }
        return draft;
    }

    private AdminServices services() {
        return AdminServices.from(context);
    }
}
