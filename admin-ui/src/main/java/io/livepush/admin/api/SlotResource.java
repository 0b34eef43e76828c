package io.livepush.admin.api;

import io.livepush.admin.AdminServices;
import io.livepush.admin.api.json.CloneInput;
import io.livepush.admin.api.json.CredentialInput;
import io.livepush.admin.api.json.HistoryEntryJson;
import io.livepush.admin.api.json.LiveStatusJson;
import io.livepush.admin.api.json.SlotInput;
import io.livepush.admin.api.json.SlotJson;
import io.livepush.admin.api.json.SlotHealthJson;
import io.livepush.admin.api.json.SlotPageJson;
import io.livepush.service.SlotLiveStatus;
import io.livepush.domain.Actor;
import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.service.InvalidInputException;
import io.livepush.service.NewCredential;
import io.livepush.service.SlotPage;
import io.livepush.service.SlotQuery;
import io.livepush.service.SlotRecord;
import io.livepush.service.SlotSort;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/v1/slots}: an account's slots by name. An account admin works on their own account; an operator names
 * it with {@code ?account=}. Another account's slot is reported as missing (404), exactly like a missing one.
 */
@Path("v1/slots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SlotResource {

    @Context
    private ServletContext context;
    @Context
    private SecurityContext security;
    @Context
    private UriInfo uri;
    @QueryParam("account")
    private String account;

    @GET
    public SlotPageJson list(@QueryParam("region") String region, @QueryParam("type") String type,
            @QueryParam("sort") @DefaultValue("created") String sort,
            @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        SlotQuery query;
        try {
            query = new SlotQuery(region == null ? null : Region.parse(region),
                    type == null ? null : SlotType.parse(type), sort(sort), offset, limit);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        SlotPage page = services().slotList().list(actor(), shortname(), query);
        return new SlotPageJson(page.items().stream().map(JsonMapping::summary).toList(),
                page.total(), offset, limit);
    }

    @POST
    public Response create(SlotInput input) {
        JsonMapping.DraftReading reading = JsonMapping.read(input, null);
        if (!reading.problems().isEmpty()) {
            throw new InvalidInputException(reading.with(
                    services().slots().problems(actor(), shortname(), reading.draft())));
        }
        SlotRecord slot = services().slots().create(actor(), shortname(), reading.draft());
        return created(slot);
    }

    @GET
    @Path("{name}")
    public SlotJson get(@PathParam("name") String name) {
        return JsonMapping.slot(find(name));
    }

    @PUT
    @Path("{name}")
    public Response update(@PathParam("name") String name, SlotInput input) {
        SlotRecord slot = find(name);
        JsonMapping.DraftReading reading = JsonMapping.read(input, slot);
        if (!reading.problems().isEmpty()) {
            throw new InvalidInputException(reading.with(
                    services().slots().updateProblems(actor(), slot.id(), reading.draft())));
        }
        services().slots().update(actor(), slot.id(), reading.draft());
        return Response.noContent().build();
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        services().slots().delete(actor(), find(name).id());
        return Response.noContent().build();
    }

    @POST
    @Path("{name}/clone")
    public Response cloneSlot(@PathParam("name") String name, CloneInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "A JSON body is required");
        }
        SlotRecord copy = services().slots().clone(actor(), find(name).id(), input.name(),
                JsonMapping.credentials(input.credentials()));
        return created(copy);
    }

    @POST
    @Path("{name}/credentials")
    public Response addCredential(@PathParam("name") String name, CredentialInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "A JSON body is required");
        }
        services().slots().addCredential(actor(), find(name).id(), new NewCredential(input.username(),
                input.password()));
        return Response.created(uri.getAbsolutePathBuilder().path(input.username()).build()).build();
    }

    @DELETE
    @Path("{name}/credentials/{username}")
    public Response removeCredential(@PathParam("name") String name, @PathParam("username") String username) {
        services().slots().removeCredential(actor(), find(name).id(), username);
        return Response.noContent().build();
    }

    @DELETE
    @Path("{name}/credentials")
    public Response clearCredentials(@PathParam("name") String name) {
        services().slots().clearCredentials(actor(), find(name).id());
        return Response.noContent().build();
    }

    @GET
    @Path("{name}/status")
    public LiveStatusJson status(@PathParam("name") String name) {
        SlotRecord slot = find(name);
        SlotLiveStatus live = services().stats().live(actor(), slot.id());
        return new LiveStatusJson(slot.name(), slot.status().displayName(), slot.statusReason(),
                JsonMapping.activity(live.activity()), JsonMapping.time(live.lastPutAt()), live.bitrateKbps(),
                live.overBitrate(), live.requestsLastMinute(), live.requestsLastHour(),
                live.authFailuresLastMinute(), live.lastError(), JsonMapping.time(live.lastErrorAt()));
    }

    @GET
    @Path("{name}/health")
    public SlotHealthJson health(@PathParam("name") String name) {
        SlotRecord slot = find(name);
        return HealthMapping.slot(slot.name(), services().health().health(actor(), slot.id()));
    }

    @GET
    @Path("{name}/history")
    public List<HistoryEntryJson> history(@PathParam("name") String name) {
        return services().slots().history(actor(), find(name).id()).stream()
                .map(e -> new HistoryEntryJson(e.actor(), JsonMapping.time(e.at()), e.action(), e.changes()))
                .toList();
    }

    private Response created(SlotRecord slot) {
        URI location = uri.getBaseUriBuilder().path("v1/slots").path(slot.name())
                .queryParam("account", slot.shortname()).build();
        return Response.created(location).entity(JsonMapping.slot(slot)).build();
    }

    private SlotRecord find(String name) {
        return services().slots().find(actor(), shortname(), name);
    }

    private Actor actor() {
        return ApiActors.of(security);
    }

    private String shortname() {
        Actor actor = actor();
        if (account != null && !account.isBlank()) {
            return account;
        }
        if (actor.isOperator()) {
            throw new BadRequestException("Operators name the account with ?account=<shortname>");
        }
        return actor.accountShortname();
    }

    static SlotSort sort(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "created", "date-created" -> SlotSort.CREATED_DESC;
            case "name" -> SlotSort.NAME;
            case "region" -> SlotSort.REGION;
            case "type" -> SlotSort.TYPE;
            default -> throw new IllegalArgumentException("'" + text + "' is not a sort order; use created, name, "
                    + "region or type");
        };
    }

    private AdminServices services() {
        return AdminServices.from(context);
    }
}
