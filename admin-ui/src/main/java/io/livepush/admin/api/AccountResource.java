package io.livepush.admin.api;

import io.livepush.admin.AdminServices;
import io.livepush.admin.api.json.AccountInput;
import io.livepush.admin.api.json.AccountJson;
import io.livepush.admin.api.json.EntitlementsJson;
import io.livepush.domain.SlotType;
import io.livepush.service.AccountDraft;
import io.livepush.service.AccountRecord;
import io.livepush.service.AccountService;
import io.livepush.service.InvalidInputException;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Consumes;
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
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/accounts}: operators list, create and change accounts; an account admin sees only their own.
 */
@Path("v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Context
    private ServletContext context;
    @Context
    private SecurityContext security;
    @Context
    private UriInfo uri;

    @GET
    public List<AccountJson> list() {
        return services().accounts().list(ApiActors.of(security)).stream().map(JsonMapping::account).toList();
    }

    @POST
    public Response create(AccountInput input) {
        AccountRecord account = services().accounts().create(ApiActors.of(security), draft(input, true));
        return Response.created(uri.getAbsolutePathBuilder().path(account.shortname()).build())
                .entity(JsonMapping.account(account)).build();
    }

    @GET
    @Path("{shortname}")
    public AccountJson get(@PathParam("shortname") String shortname) {
        return JsonMapping.account(services().accounts().get(ApiActors.of(security), shortname));
    }

    @PUT
    @Path("{shortname}")
    public Response update(@PathParam("shortname") String shortname, AccountInput input) {
        services().accounts().update(ApiActors.of(security), shortname, draft(input, false));
        return Response.noContent().build();
    }

    @GET
    @Path("{shortname}/entitlements")
    public EntitlementsJson entitlements(@PathParam("shortname") String shortname) {
        return JsonMapping.entitlements(services().accounts().entitlements(ApiActors.of(security), shortname));
    }

    /** The draft of {@code input}; unknown slot types are reported together with every other problem. */
    private static AccountDraft draft(AccountInput input, boolean creating) {
        if (input == null) {
            throw new InvalidInputException("body", "A JSON body is required");
        }
        Map<SlotType, Integer> entitlements = new EnumMap<>(SlotType.class);
        Map<String, String> unknownTypes = new LinkedHashMap<>();
        if (input.entitlements() != null) {
            for (Map.Entry<String, Integer> entry : input.entitlements().entrySet()) {
                SlotType.tryParse(entry.getKey()).ifPresentOrElse(type -> entitlements.put(type, entry.getValue()),
                        () -> unknownTypes.put("entitlements." + entry.getKey(),
                                "'" + entry.getKey() + "' is not a slot type"));
            }
        }
        AccountDraft draft = new AccountDraft(input.shortname(), input.displayName(),
                input.livePushKbps() == null ? -1 : input.livePushKbps(), entitlements);
        if (!unknownTypes.isEmpty()) {
            Map<String, String> problems = new LinkedHashMap<>(AccountService.problems(draft, creating));
            problems.putAll(unknownTypes);
            throw new InvalidInputException(problems);
        }
        return draft;
    }

    private AdminServices services() {
        return AdminServices.from(context);
    }
}
