package io.livepush.service;

import io.livepush.domain.PasswordPolicy;
import io.livepush.domain.SlotLimits;
import io.livepush.domain.SlotName;
import io.livepush.domain.SlotType;
import io.livepush.domain.Username;
import io.livepush.mediavault.MediaVaultSettings;
import io.livepush.model.MediaVaultColumns;
import io.livepush.model.Pop;
import io.livepush.model.SlotSettings;
import io.livepush.model.ViewerRuleEntry;
import io.livepush.net.CidrBlock;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a {@link SlotDraft} against every rule of SPEC §3 and turns it into {@link SlotSettings}. All problems are
 * reported at once, keyed by the draft's field names, so a form can show each beside its field.
 */
final class SlotValidator {

    private final EntityManager em;
    private final Problems problems = new Problems();

    private SlotValidator(EntityManager em) {
        this.em = em;
    }

    /** The problems of the name, type and credentials that only creation (and cloning) sets, by field. */
    static Map<String, String> newSlotProblems(String name, SlotType type, List<NewCredential> credentials) {
        Problems problems = new Problems();
        problems.check("name", SlotName.problem(name));
        if (type == null) {
            problems.add("type", "A slot type is required");
        } else if (!type.runsHere()) {
            problems.add("type", "This origin does not run " + type.displayName()
                    + " slots; only Live Push slots can be created here");
        }
        if (credentials.isEmpty()) {
            problems.add("credentials", "At least one publish credential is required");
        }
        checkCredentials(problems, credentials);
        return problems.asMap();
    }

    /** Checks credentials to add to an existing slot (no minimum count). */
    static void checkCredentials(List<NewCredential> credentials) {
        Map<String, String> found = credentialProblems(credentials);
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }

    /** The problems of credentials to add to an existing slot (no minimum count), by field. */
    static Map<String, String> credentialProblems(List<NewCredential> credentials) {
        Problems problems = new Problems();
        checkCredentials(problems, credentials);
        return problems.asMap();
    }

    private static void checkCredentials(Problems problems, List<NewCredential> credentials) {
        Set<String> usernames = new HashSet<>();
        for (int i = 0; i < credentials.size(); i++) {
            NewCredential credential = credentials.get(i);
            Optional<String> usernameProblem = Username.problem(credential.username());
            problems.check("credentials[" + i + "].username", usernameProblem);
            if (usernameProblem.isEmpty() && !usernames.add(credential.username())) {
                problems.add("credentials[" + i + "].username",
                        "The user name '" + credential.username() + "' is listed twice");
            }
            problems.check("credentials[" + i + "].password",
                    PasswordPolicy.problem(credential.password(), credential.username()));
        }
    }

    /**
     * Checks every setting an edit may change.
     *
     * @param stored the slot's current MediaVault columns, whose secrets a {@code null} secret keeps; {@code null} on
     *               creation
     */
    static SlotSettings settings(EntityManager em, SlotDraft draft, MediaVaultColumns stored) {
        return settings(em, draft, stored, Map.of());
    }

    /**
     * Checks every setting an edit may change and throws the problems found here together with {@code earlier} ones
     * (of the name and credentials, checked before the transaction), so the caller sees every problem at once.
     */
    static SlotSettings settings(EntityManager em, SlotDraft draft, MediaVaultColumns stored,
            Map<String, String> earlier) {
        SlotValidator validator = new SlotValidator(em);
        validator.problems.addAll("", earlier);
        return validator.check(draft, stored);
    }

    private SlotSettings check(SlotDraft draft, MediaVaultColumns stored) {
        problems.check("description", SlotLimits.descriptionProblem(draft.description()));
        if (draft.region() == null) {
            problems.add("region", "A region is required");
        }
        Pop primary = pop("primaryPopId", draft.primaryPopId());
        if (primary != null && draft.region() != null && primary.getRegion() != draft.region()) {
            problems.add("primaryPopId", "The PoP '" + primary.getName() + "' is in "
                    + primary.getRegion().displayName() + ", not in " + draft.region().displayName());
        }
        Pop backup = null;
        if (draft.useBackupIngest()) {
            if (draft.backupPopId() == null) {
                problems.add("backupPopId", "Choose a backup PoP, or turn off Use Backup Ingest");
            } else if (draft.backupPopId().equals(draft.primaryPopId())) {
                problems.add("backupPopId", "The backup PoP must differ from the primary PoP");
            } else {
                backup = pop("backupPopId", draft.backupPopId());
            }
        }
        problems.check("totalKbps", SlotLimits.kbpsProblem(draft.totalKbps()));
        problems.check("segmentDurationMs", SlotLimits.segmentDurationProblem(draft.segmentDurationMs()));
        problems.check("fileExpirySeconds", SlotLimits.fileExpiryProblem(draft.fileExpirySeconds()));
        List<String> publishCidrs = blocks("publishCidrs", draft.publishCidrs());
        List<ViewerRuleEntry> viewerRules = viewerRules(draft.viewerRules());
        MediaVaultColumns mediaVault = mediaVault(draft.mediaVault(), stored);
        problems.throwIfAny();
        return new SlotSettings(emptyToNull(draft.description()), draft.region(), primary, backup,
                draft.useBackupIngest(), draft.totalKbps(), draft.segmentDurationMs(), draft.fileExpirySeconds(),
                draft.lowLatency(), draft.viewerDefault().name(), mediaVault, publishCidrs, viewerRules);
    }

    private Pop pop(String field, Long id) {
        if (id == null) {
            problems.add(field, "A PoP is required");
            return null;
        }
        Pop pop = em.find(Pop.class, id);
        if (pop == null) {
            problems.add(field, "There is no PoP with id " + id);
        }
        return pop;
    }

    private List<String> blocks(String field, List<String> texts) {
        if (texts.size() > SlotLimits.MAX_ADDRESS_ENTRIES) {
            problems.add(field, "At most " + SlotLimits.MAX_ADDRESS_ENTRIES + " entries are allowed");
        }
        List<String> canonical = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i) == null ? "" : texts.get(i).trim();
            Optional<CidrBlock> block = CidrBlock.tryParse(text);
            if (block.isEmpty()) {
                problems.check(field + "[" + i + "]", CidrBlock.problem(text));
            } else if (canonical.contains(block.get().toString())) {
                problems.add(field + "[" + i + "]", "'" + block.get() + "' is listed twice");
            } else {
                canonical.add(block.get().toString());
            }
        }
        return canonical;
    }

    private List<ViewerRuleEntry> viewerRules(List<ViewerRule> rules) {
        List<String> blocks = blocks("viewerRules", rules.stream().map(ViewerRule::cidr).toList());
        List<ViewerRuleEntry> entries = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).action() == null) {
                problems.add("viewerRules[" + i + "].action", "Choose Allow or Deny");
            } else if (i < blocks.size()) {
                entries.add(new ViewerRuleEntry(rules.get(i).action().name(), blocks.get(i)));
            }
        }
        return entries;
    }

    private MediaVaultColumns mediaVault(MediaVaultInput input, MediaVaultColumns stored) {
        String primary = keepOrReplace(input.primarySecret(), stored == null ? null : stored.getPrimarySecret());
        String secondary = keepOrReplace(input.secondarySecret(),
                stored == null ? null : stored.getSecondarySecret());
        Map<String, String> found = MediaVaultSettings.problems(input.mode(), primary, secondary, input.denyStatus(),
                input.pathBased(), input.pathToken(), input.pathDelim(), input.clockSkewSeconds());
        problems.addAll("mediaVault.", found);
        if (!found.isEmpty()) {
            return null;
        }
        return new MediaVaultColumns(input.mode().name(), primary, secondary, input.denyStatus(), input.pathBased(),
                input.pathToken(), input.pathDelim(), input.strictReferrer(), input.clockSkewSeconds());
    }

    private static String keepOrReplace(String typed, String stored) {
        if (typed == null) {
            return stored;
        }
        return typed.isEmpty() ? null : typed;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
