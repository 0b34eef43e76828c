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
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServlet;
import io.livepush.admin.AdminServices;
import io.livepush.admin.ui.CurrentActor;
import io.livepush.admin.ui.MainLayout;
import io.livepush.admin.ui.Notifications;
import io.livepush.domain.Actor;
import io.livepush.mediavault.MediaVaultMode;
import io.livepush.service.LiveActivity;
import io.livepush.service.LivePushException;
import io.livepush.service.SlotRecord;
import java.time.Duration;
import java.util.Optional;

/**
 * The Player: plays a manifest of the slot in the page, HLS ({@code .m3u8}) with hls.js and DASH ({@code .mpd}) with
 * dash.js. hls.js comes from its WebJar in {@code WEB-INF/lib}; dash.js, which has no WebJar on Maven Central, is a
 * pinned release build shipped as a static resource with its licence ({@link PlayerScripts}). The playback URL has
 * the page's scheme when the PoP offers it (browsers block HTTP media on an HTTPS page); when MediaVault is on, the
 * server signs it for one hour with a directory token, so relative segment and sub-manifest URLs pass too.
 */
@Route(value = "slots/:slotId/player", layout = MainLayout.class)
@PageTitle("Player · Live Push")
public class PlayerView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;
    /** Loads the player script once, then (re)starts playback of {@code $0} with {@code $1} ("hls" or "dash"). */
    private static final String PLAY_SCRIPT = """
            const video = this;
            const url = $0;
            const kind = $1;
            const start = () => {
              if (video.lpHls) { video.lpHls.destroy(); video.lpHls = null; }
              if (video.lpDash) { video.lpDash.reset(); video.lpDash = null; }
              video.muted = true;
              if (kind === 'dash') {
                const dash = window.dashjs.MediaPlayer().create();
                video.lpDash = dash;
                // Clock sync from the Date header of the origin itself, never dash.js's third-party default; four
                // segments behind the live edge, so that upload delays and a coarse clock do not stall the preview.
                dash.updateSettings({streaming: {
                  utcSynchronization: {defaultTimingSource: {scheme: 'urn:mpeg:dash:utc:http-head:2014', value: url}},
                  delay: {liveDelayFragmentCount: 4}}});
                dash.initialize(video, url, true);
              } else if (window.Hls && window.Hls.isSupported()) {
                const hls = new window.Hls();
                video.lpHls = hls;
                hls.loadSource(url);
                hls.attachMedia(video);
              } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
                video.src = url;
              }
              video.play().catch(() => {});
            };
            if (kind === 'dash' ? window.dashjs : window.Hls) { start(); return; }
            const script = document.createElement('script');
            script.src = $2;
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
        path.setWidth("24em");
        path.setHelperText("The manifest your encoder uploads, relative to the playback URL: .m3u8 plays as HLS, "
                + ".mpd as DASH (e.g. manifest.mpd)");
        Button play = new Button("Play", click -> play(slot));
        play.setId("player-play");
        play.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout controls = new HorizontalLayout(path, play);
        controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        video.setAttribute("controls", true);
        video.setAttribute("muted", true);
        video.setAttribute("playsinline", true);
        video.setAttribute("id", "player-video");
        video.getStyle().set("width", "100%").set("max-width", "960px").set("background", "#000");
        add(controls);
        getElement().appendChild(video);
    }

    private void play(SlotRecord slot) {
        String file = path.getValue().strip();
        Optional<PlayerScripts.Format> format = PlayerScripts.Format.of(file);
        if (format.isEmpty()) {
            Notifications.error("'" + file + "' is not a manifest: enter a path ending in .m3u8 (HLS) or .mpd (DASH)");
            return;
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        String url = slot.playbackUrl(request != null && request.isSecure()) + file;
        try {
            if (slot.mediaVault().mode() != MediaVaultMode.NONE) {
                url = services.signing().sign(actor, slot.id(), url, Duration.ofHours(1), null, true);
            }
        } catch (LivePushException e) {
            Notifications.error(e.getMessage());
            return;
        }
        String contextPath = VaadinServlet.getCurrent().getServletContext().getContextPath();
        video.executeJs(PLAY_SCRIPT, url, format.get().kind(), contextPath + format.get().script());
        video.setAttribute("data-playing", url);
    }
}
