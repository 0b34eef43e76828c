package io.livepush.admin.ui.slot;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.livepush.admin.AdminServices;
import io.livepush.admin.ui.Notifications;
import io.livepush.domain.Actor;
import io.livepush.service.LivePushException;
import io.livepush.service.SlotRecord;
import java.time.Duration;

/**
 * The MediaVault test-URL generator: appends a file path to the slot's playback URL (HTTPS where the PoP offers it,
 * else HTTP) and signs it with the slot's stored primary secret on the server (the secret never reaches the browser).
 */
class SignedUrlPanel extends Div {

    private static final long serialVersionUID = 1L;

    final TextField path = new TextField("File path");
    final IntegerField minutes = new IntegerField("Valid for (minutes)");
    final TextField ip = new TextField("Viewer address or CIDR (optional)");
    final Checkbox directory = new Checkbox("Sign the whole directory (p=), for players that fetch segments");
    final Button generate = new Button("Generate signed URL");
    private final Div result = new Div();

    SignedUrlPanel(AdminServices services, Actor actor, SlotRecord slot) {
        setId("signed-url-panel");
        path.setId("signed-path");
        path.setValue("index.m3u8");
        minutes.setValue(60);
        directory.setValue(true);
        generate.setId("signed-generate");
        generate.addClickListener(click -> {
            try {
                String url = services.signing().sign(actor, slot.id(), slot.playbackUrl(true) + path.getValue(),
                        Duration.ofMinutes(minutes.getValue() == null ? 60 : minutes.getValue()), ip.getValue(),
                        directory.getValue());
                result.removeAll();
                result.add(new CopyField("signed-url", "Signed URL", url));
            } catch (LivePushException e) {
                Notifications.error(e.getMessage());
            }
        });
        add(new FormLayout(path, minutes, ip, directory), generate, result);
    }
}
