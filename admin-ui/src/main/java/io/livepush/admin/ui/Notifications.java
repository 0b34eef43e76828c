package io.livepush.admin.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The portal's two kinds of toast: success and failure. Service refusals are shown with their own message. */
public final class Notifications {

    private static final int DURATION_MS = 5000;

    private Notifications() {
    }

    /** A short confirmation. */
    public static Notification success(String message) {
        Notification notification = Notification.show(message, DURATION_MS, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        return notification;
    }

    /** A refusal or failure the user should read. */
    public static Notification error(String message) {
        Notification notification = Notification.show(message, DURATION_MS, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        return notification;
    }
}
