package io.livepush.admin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import io.livepush.service.InvalidInputException;
import io.livepush.service.LivePushException;

/**
 * A small dialog form for the operator screens: fields, Save and Cancel. Save runs the given action; a refusal from the
 * service stays in the dialog (with every field problem listed) and the values typed are kept.
 */
public class EditDialog extends Dialog {

    private static final long serialVersionUID = 1L;
    private final Span error = new Span();

    /** The action behind Save; it throws the service's refusal. */
    @FunctionalInterface
    public interface SaveAction {
        void save();
    }

    public EditDialog(String title, SaveAction action, Component... fields) {
        setHeaderTitle(title);
        setId("edit-dialog");
        error.addClassName("form-error");
        error.setId("edit-dialog-error");
        add(new FormLayout(fields), error);
        Button save = new Button("Save", click -> {
            try {
                action.save();
                close();
            } catch (InvalidInputException e) {
                error.setText(String.join("; ", e.fieldErrors().entrySet().stream()
                        .map(entry -> entry.getKey() + ": " + entry.getValue()).toList()));
            } catch (LivePushException e) {
                error.setText(e.getMessage());
            }
        });
        save.setId("edit-dialog-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", click -> close()), save);
        setWidth("640px");
    }
}
