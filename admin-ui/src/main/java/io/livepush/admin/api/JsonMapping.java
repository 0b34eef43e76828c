package io.livepush.admin.api;

import io.livepush.admin.api.json.AccountJson;
import io.livepush.admin.api.json.CredentialInput;
import io.livepush.admin.api.json.CredentialJson;
import io.livepush.admin.api.json.EntitlementsJson;
import io.livepush.admin.api.json.MediaVaultInputJson;
import io.livepush.admin.api.json.MediaVaultJson;
import io.livepush.admin.api.json.PopJson;
import io.livepush.admin.api.json.SlotInput;
import io.livepush.admin.api.json.SlotJson;
import io.livepush.admin.api.json.SlotSummaryJson;
import io.livepush.admin.api.json.SlotUrlsJson;
import io.livepush.admin.api.json.ViewerRuleJson;
import io.livepush.service.LiveActivity;
import io.livepush.domain.Region;
import io.livepush.domain.SlotLimits;
import io.livepush.domain.SlotType;
import io.livepush.mediavault.MediaVaultMode;
import io.livepush.mediavault.MediaVaultSettings;
import io.livepush.net.AddressRule;
import io.livepush.service.AccountRecord;
import io.livepush.service.EntitlementSummary;
import io.livepush.service.InvalidInputException;
import io.livepush.service.MediaVaultInput;
import io.livepush.service.MediaVaultView;
import io.livepush.service.NewCredential;
import io.livepush.service.PopRecord;
import io.livepush.service.SlotDraft;
import io.livepush.service.SlotRecord;
import io.livepush.service.SlotSummary;
import io.livepush.service.ViewerRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts between the API's JSON records and the services' records. Enum values travel in their API spelling
 * ({@code live-push}, {@code north-america}, {@code allow}); unknown values become 422 field errors.
 */
final class JsonMapping {

    private JsonMapping() {
    }

    static SlotJson slot(SlotRecord slot) {
        MediaVaultView vault = slot.mediaVault();
        return new SlotJson(slot.id(), slot.shortname(), slot.name(), slot.description(), slot.type().apiValue(),
                slot.region().apiValue(), pop(slot.primaryPop()), slot.backupPop() == null ? null
                : pop(slot.backupPop()), slot.useBackupIngest(), slot.totalKbps(), slot.segmentDurationMs(),
                slot.fileExpirySeconds(), slot.lowLatency(), slot.credentials().stream()
                .map(c -> new CredentialJson(c.username(), time(c.createdAt()))).toList(), slot.publishCidrs(),
                slot.viewerRules().stream().map(rule -> new ViewerRuleJson(lower(rule.action()), rule.cidr()))
                        .toList(), lower(slot.viewerDefault()),
                new MediaVaultJson(vault.mode().name(), vault.primarySecretSet(), vault.secondarySecretSet(),
                        vault.denyStatus(), vault.pathBased(), vault.pathToken(), vault.pathDelim(),
                        vault.strictReferrer(), vault.clockSkewSeconds()),
                slot.status().displayName(), slot.statusReason(),
                new SlotUrlsJson(slot.primaryIngestUrl(), slot.backupIngestUrl().orElse(null),
                        slot.playbackHttpUrl().orElse(null), slot.playbackHttpsUrl().orElse(null)),
                time(slot.createdAt()), time(slot.updatedAt()));
    }

    static SlotSummaryJson summary(SlotSummary slot) {
        return new SlotSummaryJson(slot.id(), slot.name(), slot.type().apiValue(), slot.region().apiValue(),
                slot.primaryPopName(), slot.totalKbps(), slot.status().displayName(), slot.statusReason(),
                activity(slot.activity()), time(slot.createdAt()));
    }

    static String activity(LiveActivity activity) {
        if (activity == null) {
            return null;
        }
        return switch (activity) {
            case ACTIVE -> "Active";
            case INACTIVE -> "Inactive";
            case ERROR -> "Error";
        };
    }

    static PopJson pop(PopRecord pop) {
        return new PopJson(pop.id(), pop.name(), pop.region().apiValue(), pop.ingestBaseUrl(), pop.playbackBaseUrl(),
                pop.playbackHttpsBaseUrl());
    }

    static AccountJson account(AccountRecord account) {
        Map<String, Integer> entitlements = new TreeMap<>();
        account.entitlements().forEach((type, count) -> entitlements.put(type.apiValue(), count));
        return new AccountJson(account.shortname(), account.displayName(), account.livePushKbps(), entitlements,
                time(account.createdAt()));
    }

    static EntitlementsJson entitlements(EntitlementSummary summary) {
        return new EntitlementsJson(summary.shortname(), summary.types().stream()
                .map(t -> new EntitlementsJson.TypeJson(t.type().apiValue(), t.entitled(), t.used(), t.available()))
                .toList(), summary.kbpsCapacity(), summary.kbpsProvisioned(), summary.kbpsAvailable());
    }

    /**
     * Turns API input into a draft; {@code current} is the stored slot on update (its MediaVault settings are kept
     * when the input has none).
     *
     * @throws InvalidInputException for a value that does not parse (an unknown region, action or mode)
     */
    static SlotDraft draft(SlotInput input, SlotRecord current) {
        DraftReading reading = read(input, current);
        if (!reading.problems().isEmpty()) {
            throw new InvalidInputException(reading.problems());
        }
        return reading.draft();
    }

    /**
     * A draft read from API input, and the problems of the values that did not parse. A value that did not parse is
     * {@code null} in the draft (the service then reports the field as missing, which the reading's own message
     * replaces) or, where the service needs a value, its default; so the draft can still be checked for every other
     * problem.
     */
    record DraftReading(SlotDraft draft, Map<String, String> problems) {

        /** {@code problems} of the service (by field) with this reading's problems, which win for their fields. */
        Map<String, String> with(Map<String, String> serviceProblems) {
            Map<String, String> all = new LinkedHashMap<>(serviceProblems);
            all.putAll(problems);
            return all;
        }
    }

    /** Reads API input into a draft without throwing for values that do not parse; see {@link DraftReading}. */
    static DraftReading read(SlotInput input, SlotRecord current) {
        if (input == null) {
            throw new InvalidInputException("body", "A JSON body is required");
        }
        Map<String, String> problems = new LinkedHashMap<>();
        SlotType type = current != null ? current.type()
                : input.type() == null ? SlotType.LIVE_PUSH : parse(problems, "type", input.type(), SlotType::parse);
        Region region = input.region() == null ? null : parse(problems, "region", input.region(), Region::parse);
        AddressRule.Action viewerDefault = input.viewerDefault() == null ? AddressRule.Action.ALLOW
                : orElse(parse(problems, "viewerDefault", input.viewerDefault(), JsonMapping::action),
                        AddressRule.Action.ALLOW);
        List<ViewerRule> rules = new ArrayList<>();
        List<ViewerRuleJson> given = input.viewerRules() == null ? List.of() : input.viewerRules();
        for (int i = 0; i < given.size(); i++) {
            ViewerRuleJson rule = given.get(i);
            AddressRule.Action action = rule == null || rule.action() == null ? null
                    : parse(problems, "viewerRules[" + i + "].action", rule.action(), JsonMapping::action);
            rules.add(new ViewerRule(action, rule == null ? null : rule.cidr()));
        }
        MediaVaultInput vault = input.mediaVault() == null
                ? current == null ? MediaVaultInput.disabled() : keep(current.mediaVault())
                : mediaVault(problems, input.mediaVault());
        return new DraftReading(new SlotDraft(input.name(), input.description(), type, region, input.primaryPopId(),
                input.backupPopId(), Boolean.TRUE.equals(input.useBackupIngest()),
                number(input.totalKbps(), -1), number(input.segmentDurationMs(), SlotLimits.DEFAULT_SEGMENT_MS),
                number(input.fileExpirySeconds(), SlotLimits.DEFAULT_EXPIRY_SECONDS),
                input.lowLatency() == null ? current != null && current.lowLatency() : input.lowLatency(),
                credentials(input.credentials()), input.publishCidrs(), rules, viewerDefault, vault), problems);
    }

    private static <T> T orElse(T value, T fallback) {
        return value == null ? fallback : value;
    }

    static List<NewCredential> credentials(List<CredentialInput> inputs) {
        if (inputs == null) {
            return List.of();
        }
        return inputs.stream().map(c -> c == null ? new NewCredential(null, null)
                : new NewCredential(c.username(), c.password())).toList();
    }

    static MediaVaultInput keep(MediaVaultView view) {
        return new MediaVaultInput(view.mode(), null, null, view.denyStatus(), view.pathBased(), view.pathToken(),
                view.pathDelim(), view.strictReferrer(), view.clockSkewSeconds());
    }

    private static MediaVaultInput mediaVault(Map<String, String> problems, MediaVaultInputJson json) {
        MediaVaultMode mode = json.mode() == null ? MediaVaultMode.NONE
                : orElse(parse(problems, "mediaVault.mode", json.mode(), text -> MediaVaultMode.valueOf(
                        text.toUpperCase(Locale.ROOT).replace('-', '_'))), MediaVaultMode.NONE);
        return new MediaVaultInput(mode, json.primarySecret(), json.secondarySecret(),
                number(json.denyStatus(), MediaVaultSettings.DEFAULT_DENY_STATUS),
                Boolean.TRUE.equals(json.pathBased()),
                json.pathToken() == null ? MediaVaultSettings.DEFAULT_PATH_TOKEN : json.pathToken(),
                json.pathDelim() == null ? MediaVaultSettings.DEFAULT_PATH_DELIM : json.pathDelim(),
                Boolean.TRUE.equals(json.strictReferrer()), number(json.clockSkewSeconds(), 0));
    }

    static AddressRule.Action action(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "allow" -> AddressRule.Action.ALLOW;
            case "deny" -> AddressRule.Action.DENY;
            default -> throw new IllegalArgumentException("'" + text + "' is not allow or deny");
        };
    }

    private static <T> T parse(Map<String, String> problems, String field, String text,
            java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            problems.put(field, e.getMessage() == null || e.getMessage().startsWith("No enum")
                    ? "'" + text + "' is not a valid value" : e.getMessage());
            return null;
        }
    }

    private static int number(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String lower(AddressRule.Action action) {
        return action.name().toLowerCase(Locale.ROOT);
    }
}
