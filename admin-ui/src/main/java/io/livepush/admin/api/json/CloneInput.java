package io.livepush.admin.api.json;

import java.util.List;

/** {@code POST /slots/{name}/clone}: the copy's name and its credentials (passwords are typed again). */
public record CloneInput(String name, List<CredentialInput> credentials) {
}
