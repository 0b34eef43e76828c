package io.livepush.admin.ui.slot;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.livepush.domain.PasswordPolicy;
import io.livepush.domain.Username;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Publish Credentials part of {@link SlotForm}: user name, password with Show (the eye icon) and Confirm, {@code +
 * add}, a table with a remove button per row, and {@code - clear all}. It only collects changes; the form's owner
 * applies them.
 */
class CredentialsEditor extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    final TextField username = new TextField("Username");
    final PasswordField password = new PasswordField("Password");
    final PasswordField confirmPassword = new PasswordField("Confirm Password");
    final Button addCredential = new Button("+ add");
    final Button clearCredentials = new Button("- clear all");
    final Grid<CredentialRow> credentialGrid = new Grid<>();
    final Span credentialsMessage = new Span();

    private final SlotForm.Mode mode;
    private final List<CredentialRow> rows = new ArrayList<>();
    private final List<String> removed = new ArrayList<>();
    private boolean cleared;

    /** @param stored user names the slot (edit) or the source slot (clone) has */
    CredentialsEditor(SlotForm.Mode mode, List<String> stored) {
        this.mode = mode;
        stored.forEach(user -> rows.add(new CredentialRow(user, null, mode == SlotForm.Mode.EDIT)));
        username.setId("credential-username");
        password.setId("credential-password");
        password.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters; use the eye icon to Show");
        confirmPassword.setId("credential-confirm");
        addCredential.setId("credential-add");
        addCredential.addClickListener(click -> add());
        clearCredentials.setId("credential-clear");
        clearCredentials.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        clearCredentials.addClickListener(click -> clear());
        configureGrid();
        credentialsMessage.setId("credentials-message");
        credentialsMessage.addClassName("form-hint");
        H3 header = new H3("Publish credentials");
        header.addClassName("section-title");
        setPadding(false);
        addClassName("form-section");
        add(header, new FormLayout(username, password, confirmPassword),
                new HorizontalLayout(addCredential, clearCredentials), credentialGrid, credentialsMessage);
        refresh();
    }

    private void configureGrid() {
        credentialGrid.setId("credential-grid");
        credentialGrid.addThemeVariants(GridVariant.LUMO_COMPACT);
        credentialGrid.setAllRowsVisible(true);
        credentialGrid.addColumn(CredentialRow::username).setHeader("Publish Credentials");
        credentialGrid.addColumn(CredentialRow::state).setHeader("Password");
        credentialGrid.addComponentColumn(row -> {
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), click -> remove(row));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            remove.setAriaLabel("Remove " + row.username());
            remove.setTooltipText("Remove");
            return remove;
        }).setHeader("").setFlexGrow(0).setAutoWidth(true);
        credentialGrid.addItemClickListener(event -> {
            if (event.getItem().needsPassword()) {
                username.setValue(event.getItem().username());
                password.focus();
            }
        });
    }

    private void add() {
        String user = username.getValue().strip();
        boolean ok = mark(username, Username.problem(user)
                .or(() -> rows.stream().anyMatch(row -> row.username().equals(user) && !row.needsPassword())
                        ? Optional.of("The user name '" + user + "' is already listed") : Optional.empty()));
        ok &= mark(password, PasswordPolicy.problem(password.getValue(), user));
        ok &= mark(confirmPassword, password.getValue().equals(confirmPassword.getValue()) ? Optional.empty()
                : Optional.of("The passwords do not match"));
        if (!ok) {
            return;
        }
        rows.removeIf(row -> row.username().equals(user) && row.needsPassword());
        rows.add(new CredentialRow(user, password.getValue(), false));
        username.clear();
        password.clear();
        confirmPassword.clear();
        refresh();
    }

    static boolean mark(HasValidation field, Optional<String> problem) {
        field.setErrorMessage(problem.orElse(null));
        field.setInvalid(problem.isPresent());
        return problem.isEmpty();
    }

    void remove(CredentialRow row) {
        rows.remove(row);
        if (row.stored()) {
            removed.add(row.username());
        }
        refresh();
    }

    private void clear() {
        if (mode == SlotForm.Mode.EDIT && rows.stream().anyMatch(CredentialRow::stored)) {
            cleared = true;
            removed.clear();
        }
        rows.clear();
        refresh();
    }

    private void refresh() {
        credentialGrid.setItems(rows);
        if (rows.isEmpty()) {
            credentialsMessage.setText(mode == SlotForm.Mode.EDIT
                    ? "No publish credentials: the slot refuses every push until one is added."
                    : "Add at least one user name and password with + add.");
        } else if (rows.stream().anyMatch(CredentialRow::needsPassword)) {
            credentialsMessage.setText("Passwords are never shown again: type the password of each cloned user name "
                    + "(click its row), or remove it.");
        } else {
            credentialsMessage.setText("");
        }
    }

    List<CredentialRow> rows() {
        return List.copyOf(rows);
    }

    List<String> removed() {
        return List.copyOf(removed);
    }

    boolean isCleared() {
        return cleared;
    }
}
