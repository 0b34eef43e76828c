package io.livepush.admin.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import io.livepush.service.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Shown when a screen names a slot, account or user that does not exist or belongs to another account (the two look
 * the same on purpose).
 */
@ParentLayout(MainLayout.class)
public class MissingView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    private static final long serialVersionUID = 1L;

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        setId("missing-view");
        add(new H2("Not found"), new Paragraph(parameter.getException().getMessage()),
                new Anchor("", "Back to Live Streaming"));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
