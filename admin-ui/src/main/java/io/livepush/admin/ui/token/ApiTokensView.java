package io.livepush.admin.ui.token;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServlet;
import io.livepush.admin.AdminServices;
import io.livepush.admin.ui.CurrentActor;
import io.livepush.admin.ui.MainLayout;
import io.livepush.admin.ui.Notifications;
import io.livepush.domain.Actor;
import io.livepush.service.ApiTokenRecord;
import io.livepush.service.IssuedApiToken;
import io.livepush.service.LivePushException;

/**
 * API tokens of the logged-in user (operators see everyone's): create one (shown once, stored only as a digest) and
 * revoke. A token acts with its user's role and account.
 */
@Route(value = "tokens", layout = MainLayout.class)
@PageTitle("API tokens · Live Push")
public class ApiTokensView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient AdminServices services;
    private final transient Actor actor;
    private final Grid<ApiTokenRecord> grid = new Grid<>();
    private final TextField issued = new TextField("New token (copy it now: it is never shown again)");

    public ApiTokensView() {
        this(AdminServices.from(VaadinServlet.getCurrent().getServletContext()), CurrentActor.require());
    }

    ApiTokensView(AdminServices services, Actor actor) {
        this.services = services;
        this.actor = actor;
        setId("tokens-view");
        TextField label = new TextField("Label");
        label.setId("token-label");
        Button create = new Button("Create token", click -> create(label.getValue()));
        create.setId("token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        issued.setId("token-issued");
        issued.setReadOnly(true);
        issued.setWidthFull();
        issued.setVisible(false);
        grid.setId("token-grid");
        grid.addColumn(ApiTokenRecord::label).setHeader("Label").setAutoWidth(true);
        grid.addColumn(ApiTokenRecord::username).setHeader("User").setAutoWidth(true);
        grid.addColumn(token -> token.hint() + "…").setHeader("Token").setAutoWidth(true);
        grid.addColumn(token -> token.createdAt().toString()).setHeader("Created").setAutoWidth(true);
        grid.addColumn(token -> token.lastUsedAt() == null ? "never" : token.lastUsedAt().toString())
                .setHeader("Last used").setAutoWidth(true);
        grid.addComponentColumn(token -> {
            Button revoke = new Button("Revoke", click -> revoke(token));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return revoke;
        });
        HorizontalLayout form = new HorizontalLayout(label, create);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("API tokens"), new Paragraph("Use a token as 'Authorization: Bearer <token>' on /api/v1. "
                + "The API description is at api/v1/openapi.json."), form, issued, grid);
        refresh();
    }

    private void create(String label) {
        try {
            IssuedApiToken token = services.tokens().create(actor, label);
            issued.setValue(token.token());
            issued.setVisible(true);
            refresh();
        } catch (LivePushException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void revoke(ApiTokenRecord token) {
        try {
            services.tokens().revoke(actor, token.id());
            Notifications.success("Token '" + token.label() + "' revoked");
            refresh();
        } catch (LivePushException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void refresh() {
        grid.setItems(services.tokens().list(actor));
    }
}
