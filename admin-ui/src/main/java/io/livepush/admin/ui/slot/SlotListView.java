package io.livepush.admin.ui.slot;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.VaadinServlet;
import io.livepush.admin.AdminServices;
import io.livepush.admin.ui.CurrentActor;
import io.livepush.admin.ui.MainLayout;
import io.livepush.admin.ui.Notifications;
import io.livepush.domain.Actor;
import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.service.AccountRecord;
import io.livepush.service.EntitlementSummary;
import io.livepush.service.LivePushException;
import io.livepush.service.SlotFacets;
import io.livepush.service.SlotQuery;
import io.livepush.service.SlotSort;
import io.livepush.service.SlotSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * The main Live Streaming page (guide "Main Configuration Page"): entitlements, {@code + new}, Filter by / Show only,
 * Sort by, and the lazily loaded slot grid with the row actions Details, Clone, Edit, Player and Delete.
 */
@Route(value = "", layout = MainLayout.class)
@RouteAlias(value = "slots", layout = MainLayout.class)
@PageTitle("Live Streaming · Live Push")
public class SlotListView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    static final String FILTER_REGION = "Region";
    static final String FILTER_TYPE = "Type";
    static final String ALL = "All";

    private final transient AdminServices services;
    private final transient Actor actor;
    private final EntitlementPanel entitlements = new EntitlementPanel();
    private final MenuBar newMenu = new MenuBar();
    private final Select<String> filterBy = new Select<>();
    private final Select<Object> showOnly = new Select<>();
    private final Select<SlotSort> sortBy = new Select<>();
    final Grid<SlotSummary> grid = new Grid<>();
    private String account;

    public SlotListView() {
        this(AdminServices.from(VaadinServlet.getCurrent().getServletContext()), CurrentActor.require());
    }

    SlotListView(AdminServices services, Actor actor) {
        this.services = services;
        this.actor = actor;
        this.account = CurrentActor.account().orElse(null);
        setId("slot-list");
        setSizeFull();
        H2 title = new H2("Live Streaming");
        HorizontalLayout header = new HorizontalLayout(title);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (actor.isOperator()) {
            header.add(accountChooser());
        }
        add(header);
        if (account == null) {
            add(new Span("Choose an account to see its slots."));
            return;
        }
        configureControls();
        configureGrid();
        add(entitlements, toolbar(), grid);
        refreshAll();
    }

    private ComboBox<String> accountChooser() {
        ComboBox<String> chooser = new ComboBox<>("Account");
        chooser.setId("account-chooser");
        List<String> shortnames = services.accounts().list(actor).stream().map(AccountRecord::shortname).toList();
        chooser.setItems(shortnames);
        if (account == null && !shortnames.isEmpty()) {
            account = shortnames.get(0);
            CurrentActor.chooseAccount(account);
        }
        chooser.setValue(account);
        chooser.addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                CurrentActor.chooseAccount(event.getValue());
                getUI().ifPresent(ui -> ui.getPage().reload());
            }
        });
        return chooser;
    }

    private void configureControls() {
        newMenu.setId("new-slot");
        newMenu.addThemeVariants(MenuBarVariant.LUMO_PRIMARY);
        filterBy.setId("filter-by");
        filterBy.setLabel("Filter by");
        filterBy.setItems(FILTER_REGION, FILTER_TYPE);
        filterBy.setPlaceholder("Choose");
        filterBy.addValueChangeListener(event -> updateShowOnly());
        showOnly.setId("show-only");
        showOnly.setLabel("Show only");
        showOnly.setEnabled(false);
        showOnly.setItemLabelGenerator(SlotListView::label);
        showOnly.addValueChangeListener(event -> grid.getDataProvider().refreshAll());
        sortBy.setId("sort-by");
        sortBy.setLabel("Sort by");
        sortBy.setItems(SlotSort.values());
        sortBy.setItemLabelGenerator(sort -> switch (sort) {
            case CREATED_DESC -> "Date created";
            case NAME -> "Name";
            case REGION -> "Region";
            case TYPE -> "Type";
        });
        sortBy.setValue(SlotSort.CREATED_DESC);
        sortBy.addValueChangeListener(event -> grid.getDataProvider().refreshAll());
    }

    private HorizontalLayout toolbar() {
        HorizontalLayout toolbar = new HorizontalLayout(newMenu, filterBy, showOnly, sortBy);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return toolbar;
    }

    private void configureGrid() {
        grid.setId("slot-grid");
        grid.setSizeFull();
        grid.setPageSize(50);
        grid.addColumn(SlotSummary::name).setHeader("name").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(slot -> Formats.dateTime(slot.createdAt())).setHeader("date created").setAutoWidth(true);
        grid.addColumn(slot -> slot.type().displayName()).setHeader("type").setAutoWidth(true);
        grid.addColumn(slot -> slot.region().displayName()).setHeader("region").setAutoWidth(true);
        grid.addColumn(SlotSummary::id).setHeader("ID").setWidth("22em").setFlexGrow(0);
        grid.addComponentColumn(this::status).setHeader("status").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addItemClickListener(event -> navigate(SlotDetailsView.class, event.getItem().id()));
        grid.setItems(query -> fetch(query.getOffset(), query.getLimit()).stream(),
                query -> count());
    }

    private List<SlotSummary> fetch(int offset, int limit) {
        SlotQuery query = new SlotQuery(regionFilter(), typeFilter(), sortBy.getValue(), offset,
                Math.min(limit, SlotQuery.MAX_LIMIT));
        return services.slotList().list(actor, account, query).items();
    }

    private int count() {
        return (int) services.slotList().list(actor, account, new SlotQuery(regionFilter(), typeFilter(),
                sortBy.getValue(), 0, 1)).total();
    }

    private Region regionFilter() {
        return FILTER_REGION.equals(filterBy.getValue()) && showOnly.getValue() instanceof Region region
                ? region : null;
    }

    private SlotType typeFilter() {
        return FILTER_TYPE.equals(filterBy.getValue()) && showOnly.getValue() instanceof SlotType type ? type : null;
    }

    private void updateShowOnly() {
        SlotFacets facets = services.slotList().facets(actor, account);
        List<Object> options = new ArrayList<>();
        options.add(ALL);
        if (FILTER_REGION.equals(filterBy.getValue())) {
            facets.regions().stream().sorted().forEach(options::add);
        } else if (FILTER_TYPE.equals(filterBy.getValue())) {
            facets.types().stream().sorted().forEach(options::add);
        }
        showOnly.setItems(options);
        showOnly.setValue(ALL);
        showOnly.setEnabled(filterBy.getValue() != null);
    }

    private static String label(Object option) {
        if (option instanceof Region region) {
            return region.displayName();
        }
        if (option instanceof SlotType type) {
            return type.displayName();
        }
        return String.valueOf(option);
    }

    private Component status(SlotSummary slot) {
        Span status = new Span(slot.status().displayName());
        status.addClassName("status");
        status.addClassName("status-" + slot.status().name().toLowerCase(java.util.Locale.ROOT));
        if (slot.statusReason() != null) {
            status.setTitle(slot.statusReason());
        }
        HorizontalLayout cell = new HorizontalLayout(status);
        cell.setSpacing(true);
        if (slot.activity() != null) {
            Span badge = new Span(Formats.activity(slot.activity()));
            badge.addClassName("live");
            badge.addClassName("live-" + slot.activity().name().toLowerCase(java.util.Locale.ROOT));
            cell.add(badge);
        }
        return cell;
    }

    private Component actions(SlotSummary slot) {
        HorizontalLayout actions = new HorizontalLayout(
                icon(VaadinIcon.EYE, "Details", slot, () -> navigate(SlotDetailsView.class, slot.id())),
                icon(VaadinIcon.COPY_O, "Clone", slot, () -> navigate(CloneSlotView.class, slot.id())),
                icon(VaadinIcon.EDIT, "Edit", slot, () -> navigate(EditSlotView.class, slot.id())),
                icon(VaadinIcon.PLAY_CIRCLE_O, "Player", slot, () -> navigate(PlayerView.class, slot.id())),
                icon(VaadinIcon.TRASH, "Delete", slot, () -> confirmDelete(slot)));
        actions.setSpacing(false);
        return actions;
    }

    private Button icon(VaadinIcon icon, String action, SlotSummary slot, Runnable run) {
        Button button = new Button(icon.create(), click -> run.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        button.setAriaLabel(action + " " + slot.name());
        button.setTooltipText(action);
        button.setId(action.toLowerCase(java.util.Locale.ROOT) + "-" + slot.name());
        // The row's click listener opens Details; an icon must not trigger it as well.
        button.getElement().addEventListener("click", event -> { }).addEventData("event.stopPropagation()");
        return button;
    }

    private void confirmDelete(SlotSummary slot) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("delete-dialog");
        dialog.setHeader("Delete slot '" + slot.name() + "'?");
        dialog.setText("You cannot undo or recover a deleted slot. Ingest and playback stop at once and its files "
                + "are removed.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Delete");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(event -> delete(slot));
        dialog.open();
    }

    private void delete(SlotSummary slot) {
        try {
            services.slots().delete(actor, slot.id());
            Notifications.success("Slot '" + slot.name() + "' deleted");
        } catch (LivePushException e) {
            Notifications.error(e.getMessage());
        }
        refreshAll();
    }

    private void refreshAll() {
        EntitlementSummary summary = services.accounts().entitlements(actor, account);
        entitlements.show(summary);
        newMenu.removeAll();
        MenuItem root = newMenu.addItem("+ new");
        root.setId("new-slot-button");
        SubMenu types = root.getSubMenu();
        for (EntitlementSummary.TypeUsage usage : summary.types()) {
            MenuItem item = types.addItem(usage.type().displayName() + " (" + usage.available() + ")",
                    click -> newSlot(usage));
            item.setId("new-" + usage.type().apiValue());
        }
        grid.getDataProvider().refreshAll();
    }

    private void newSlot(EntitlementSummary.TypeUsage usage) {
        if (!usage.type().runsHere()) {
            Notifications.error("This origin does not run " + usage.type().displayName()
                    + " slots; only Live Push slots can be created here.");
        } else if (usage.available() == 0) {
            Notifications.error("All your Live Push slots are in use: delete one or ask for more.");
        } else {
            getUI().ifPresent(ui -> ui.navigate(NewSlotView.class));
        }
    }

    private void navigate(Class<? extends Component> view, String slotId) {
        getUI().ifPresent(ui -> ui.navigate(view, new com.vaadin.flow.router.RouteParameters("slotId", slotId)));
    }
}
