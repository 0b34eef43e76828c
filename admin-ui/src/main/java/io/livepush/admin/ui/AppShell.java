package io.livepush.admin.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The portal's page shell: the stock Lumo theme (light). Our own styling is plain CSS in {@code styles/admin.css},
 * linked by {@link MainLayout} and {@link LoginView}, so the pre-built Vaadin bundle can be used as it is.
 */
@Theme(themeClass = Lumo.class)
public class AppShell implements AppShellConfigurator {

    private static final long serialVersionUID = 1L;
}
