package io.livepush.admin.ui.slot;

import io.livepush.service.NewCredential;
import io.livepush.service.SlotDraft;
import java.util.List;

/**
 * What a submitted {@link SlotForm} asks for.
 *
 * @param draft            every setting; on create and clone it carries the credentials too
 * @param addedCredentials credentials to add (edit)
 * @param removedUsernames stored credentials to remove (edit)
 * @param clearAll         whether every stored credential goes (edit; applied before the additions)
 */
record SlotFormResult(SlotDraft draft, List<NewCredential> addedCredentials, List<String> removedUsernames,
        boolean clearAll) {

    SlotFormResult {
        addedCredentials = List.copyOf(addedCredentials);
        removedUsernames = List.copyOf(removedUsernames);
    }
}
