package io.livepush.admin.ui.slot;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.livepush.admin.ui.Notifications;

/**
 * A read-only value with the guide's Copy (double-window) button beside it; the browser confirms the copy with a
 * notification. Uses the asynchronous Clipboard API where the page is a secure context and falls back to
 * {@code execCommand('copy')} elsewhere (plain HTTP on a remote host).
 */
class CopyField extends HorizontalLayout {

    private static final long serialVersionUID = 1L;
    private static final String COPY_SCRIPT = """
            const text = $0;
            const fallback = () => {
              const area = document.createElement('textarea');
              area.value = text;
              area.style.position = 'fixed';
              area.style.opacity = '0';
              document.body.appendChild(area);
              area.select();
              let ok = false;
              try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
              document.body.removeChild(area);
              return ok;
            };
            if (navigator.clipboard && window.isSecureContext) {
              return navigator.clipboard.writeText(text).then(() => true, () => fallback());
            }
            return fallback();
            """;

    final TextField value = new TextField();
    final Button copy = new Button(VaadinIcon.COPY_O.create());

    CopyField(String id, String label, String text) {
        value.setLabel(label);
        value.setValue(text);
        value.setReadOnly(true);
        value.setWidthFull();
        value.setId(id);
        copy.setId(id + "-copy");
        copy.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY);
        copy.setAriaLabel("Copy " + label);
        copy.setTooltipText("Copy");
        copy.addClickListener(click -> copy.getElement().executeJs(COPY_SCRIPT, value.getValue())
                .then(Boolean.class, ok -> {
                    if (Boolean.TRUE.equals(ok)) {
                        Notifications.success("Copied to clipboard: " + value.getValue());
                    } else {
                        Notifications.error("The browser refused to copy: select the text and copy it by hand.");
                    }
                }));
        setWidthFull();
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(value, copy);
        expand(value);
    }
}
