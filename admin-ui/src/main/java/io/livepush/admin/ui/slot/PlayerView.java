package io.livepush.admin.ui.slot;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServlet;
import io.livepush.admin.AdminServices;
import io.livepush.service.LiveActivity;
import io.livepush.admin.ui.CurrentActor;
import io.livepush.admin.ui.MainLayout;
import io.livepush.admin.ui.Notifications;
import io.livepush.domain.Actor;
import io.livepush.mediavault.MediaVaultMode;
import io.livepush.service.LivePushException;
import io.livepush.service.SlotRecord;
import java.time.Duration;
import java.util.Locale;

/**
 * The Player: plays the slot's HLS stream in the page with hls.js, which is served from its WebJar in
 * {@code WEB-INF/lib} (no third-party code in our sources). When MediaVault is on, the URL is signed on the server for
 * one hour with a directory token. DASH preview is not offered: no dash.js artifact is bundled.
 */
@Route(value = "slots/:slotId/player", layout = MainLayout.class)
@PageTitle("Player · Live Push")
public class PlayerView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    /** The hls.js script inside the {@code org.webjars.npm:hls.js} jar (version pinned in the POM). */
    static final String HLS_SCRIPT = "/webjars/hls.js/1.4.12/dist/hls.min.js";
    private static final String PLAY_SCRIPT = """
            const video = this;
            const url = $0;
            const start = () => {
              if (window.Hls && window.Hls.isSupported()) {
                if (video.lpHls) { video.lpHls.destroy(); }
                const hls = new window.Hls();
                video.lpHls = hls;
                hls.loadSource(url);
                hls.attachMedia(video);
              } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
                video.src = url;
              }
              video.play().catch(() => {});
            };
            if (window.Hls) { start(); return; }
            const script = document.createElement('script');
            script.src = $1;
            script.onload = start;
            document.head.appendChild(script);
            """;

    private final transient AdminServices services;
    private final transient Actor actor;
    private final Element video = new Element("video");
    private final TextField path = new TextField("Manifest path");

    public PlayerView() {
        this(AdminServices.from(VaadinServlet.getCurrent().getServletContext()), CurrentActor.require());
    }

    PlayerView(AdminServices services, Actor actor) {
        this.services = services;
        this.actor = actor;
        setId("player-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SlotRecord slot = services.slots().get(actor, event.getRouteParameters().get("slotId").orElse(""));
        removeAll();
        add(new H2("Player: " + slot.name()));
        LiveActivity activity = services.stats().live(actor, slot.id()).activity();
        Paragraph state = new Paragraph(activity == LiveActivity.ACTIVE ? "The slot is Active: an encoder is "
                + "publishing." : "The slot is " + Formats.activity(activity) + ": nothing has been pushed "
                + "successfully in the last three segment durations, so there may be nothing to play.");
        state.setId("player-state");
        add(state);
        path.setId("player-path");
        path.setValue("index.m3u8");
        path.setHelperText("The manifest your encoder uploads, relative to the playback URL");
        Button play = new Button("Play", click -> play(slot));
        play.setId("player-play");
        play.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout controls = new HorizontalLayout(path, play);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        video.setAttribute("controls", true);
        video.setAttribute("muted", true);
        video.setAttribute("id", "player-video");
        video.getStyle().set("width", "100%").set("max-width", "960px").set("background", "#000");
        add(controls);
        getElement().appendChild(video);
        add(new Paragraph("HLS (.m3u8) plays here. DASH (.mpd) preview is not available in this portal: open the "
                + "playback URL in a DASH player."));
    }

    private void play(SlotRecord slot) {
        String file = path.getValue().strip();
        if (file.toLowerCase(Locale.ROOT).endsWith(".mpd")) {
            Notifications.error("DASH preview is not available here; use a DASH player with the playback URL.");
            return;
        }
        String url = slot.playbackHttpsUrl() + file;
        try {
            if (slot.mediaVault().mode() != MediaVaultMode.NONE) {
                url = services.signing().sign(actor, slot.id(), url, Duration.ofHours(1), null, true);
            }
        } catch (LivePushException e) {
            Notifications.error(e.getMessage());
            return;
        }
        String script = VaadinServlet.getCurrent().getServletContext().getContextPath() + HLS_SCRIPT;
        video.executeJs(PLAY_SCRIPT, url, script);
    }
}
