package io.livepush.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.livepush.admin.AdminServer;
import io.livepush.domain.Region;
import io.livepush.domain.SlotType;
import io.livepush.health.RenditionFacts;
import io.livepush.health.RenditionReport;
import io.livepush.health.RenditionState;
import io.livepush.mediavault.MediaVaultMode;
import io.livepush.mediavault.MediaVaultRequest;
import io.livepush.mediavault.MediaVaultSettings;
import io.livepush.mediavault.MediaVaultVerifier;
import io.livepush.net.AddressRule;
import io.livepush.service.MediaVaultInput;
import io.livepush.service.NewCredential;
import io.livepush.service.RenditionHealthService;
import io.livepush.service.SlotDraft;
import io.livepush.service.SlotRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The portal's main journeys in headless Chromium against the real WAR: log in, create with a validation error,
 * details and copy, clone with the taken-name warning, edit credentials, filter and sort, delete, tenant isolation by
 * URL, the operator screens, the MediaVault test-URL generator and Configure Validation. Each main screen is saved
 * under {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserIT {

    private static AdminServer server;
    private static Browser browser;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        server = new AdminServer();
        base = server.baseUrl();
        // A slot in another region, so that filters have something to tell apart.
        server.slots.create(AdminServer.ALICE, "acme", new SlotDraft("na-cam", "", SlotType.LIVE_PUSH,
                Region.NORTH_AMERICA, server.naPop.id(), null, false, 1000, 6000, 300, false,
                List.of(new NewCredential("enc", AdminServer.PASSWORD)), List.of(), List.of(),
                AddressRule.Action.ALLOW, MediaVaultInput.disabled()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static SlotRecord slot(String name) {
        return server.slots.find(AdminServer.ALICE, "acme", name);
    }

    @Test
    @Order(1)
    void loginLeadsToTheSlotList() throws Exception {
        browser.open(base);
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-login-form")));
        browser.screenshot("01-login");
        browser.login(base, "alice", AdminServer.PASSWORD);
        browser.byId("slot-grid");
        assertThat(browser.pageText()).contains("Live Streaming").contains("Live Push")
                .contains("kbps provisioned");
        assertThat(browser.gridText("slot-grid")).contains("na-cam");
        browser.screenshot("02-slot-list");
    }

    @Test
    @Order(2)
    void createShowsValidationErrorThenCreatesTheSlot() throws Exception {
        browser.clickText("vaadin-menu-bar-button", "+ new");
        browser.screenshot("03-new-menu");
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//vaadin-menu-bar-item[starts-with(normalize-space(),'Live Push')]"))).click();
        browser.waitForVaadin();
        browser.byId("slot-name");
        browser.type("slot-name", "cam1");
        browser.type("slot-description", "Main stage");
        browser.select("slot-region", "Europe");
        browser.select("slot-primary-pop", "eu1");
        browser.type("slot-kbps", "50");
        browser.type("credential-username", "encoder1");
        browser.type("credential-password", AdminServer.PASSWORD);
        browser.type("credential-confirm", AdminServer.PASSWORD);
        browser.click("credential-add");
        browser.type("credential-username", "encoder2");
        browser.type("credential-password", "second-encoder-pass");
        browser.type("credential-confirm", "second-encoder-pass");
        browser.click("credential-add");
        browser.type("slot-publish-cidrs", "192.0.2.0/24");
        browser.click("slot-submit");
        assertThat(browser.errorOf("slot-kbps")).contains("between 100 and 100000");
        assertThat(browser.gridText("credential-grid")).contains("encoder1").contains("encoder2");
        browser.screenshot("04-create-validation-error");
        browser.type("slot-kbps", "3000");
        browser.click("slot-submit");
        browser.byId("slot-details");
        SlotRecord created = slot("cam1");
        assertThat(created.credentials()).hasSize(2);
        assertThat(created.publishCidrs()).containsExactly("192.0.2.0/24");
        assertThat(created.totalKbps()).isEqualTo(3000);
    }

    @Test
    @Order(3)
    void detailsShowUrlsAndCopyConfirms() throws Exception {
        browser.byId("slot-details");
        assertThat(browser.pageText()).contains("Ingest details").contains("Configuration details")
                .contains("Encoder details").contains("Playback URLs").contains("Content security");
        Object url = browser.driver.executeScript("return arguments[0].value", browser.byId("primary-ingest-url"));
        assertThat(url).isEqualTo("https://eu1.example.com/live/push/acme/cam1/");
        assertThat(browser.byId("details-live").getText()).isEqualTo("Inactive");
        browser.click("playback-https-url-copy");
        browser.wait.until(d -> browser.notifications().contains("Copied"));
        browser.screenshot("05-details");
    }

    @Test
    @Order(4)
    void cloneWarnsAboutTheTakenNameAndCreatesTheCopy() throws Exception {
        browser.open(base + "slots");
        browser.click("clone-cam1");
        browser.byId("slot-name");
        assertThat(browser.errorOf("slot-name")).contains("already taken");
        browser.screenshot("06-clone-name-warning");
        browser.type("slot-name", "cam2");
        assertThat(browser.errorOf("slot-name")).isEmpty();
        for (String user : List.of("encoder1", "encoder2")) {
            browser.type("credential-username", user);
            browser.type("credential-password", "cloned-password-1");
            browser.type("credential-confirm", "cloned-password-1");
            browser.click("credential-add");
        }
        browser.click("slot-submit");
        browser.byId("slot-details");
        assertThat(slot("cam2").credentials()).hasSize(2);
        assertThat(slot("cam2").publishCidrs()).containsExactly("192.0.2.0/24");
    }

    @Test
    @Order(5)
    void editAddsCredentialsAndClearsAll() throws Exception {
        browser.open(base + "slots/" + slot("cam1").id() + "/edit");
        browser.type("credential-username", "encoder3");
        browser.type("credential-password", "third-encoder-pass");
        browser.type("credential-confirm", "third-encoder-pass");
        browser.click("credential-add");
        browser.screenshot("07-edit");
        browser.click("slot-submit");
        browser.byId("slot-details");
        assertThat(slot("cam1").credentials()).extracting(c -> c.username())
                .containsExactly("encoder1", "encoder2", "encoder3");
        browser.open(base + "slots/" + slot("cam1").id() + "/edit");
        browser.click("credential-clear");
        assertThat(browser.byId("credentials-message").getText()).contains("refuses every push");
        browser.click("slot-submit");
        browser.byId("slot-details");
        assertThat(slot("cam1").credentials()).isEmpty();
    }

    @Test
    @Order(6)
    void filterAndSort() throws Exception {
        java.time.Instant now = java.time.Instant.now();
        server.stats.report("node-a", List.of(new io.livepush.service.IngestReport(slot("cam1").id(), now, 2900,
                false, java.util.Map.of(201, 12L), 4000, java.util.Map.of(201, 120L), 40_000, 0, null, null)));
        browser.open(base + "slots");
        assertThat(browser.isEnabled("show-only")).isFalse();
        browser.select("filter-by", "Region");
        assertThat(browser.isEnabled("show-only")).isTrue();
        assertThat(browser.options("show-only")).containsExactly("All", "North-America", "Europe");
        browser.select("show-only", "North-America");
        browser.wait.until(d -> !browser.gridText("slot-grid").contains("cam1"));
        assertThat(browser.gridText("slot-grid")).contains("na-cam");
        browser.select("show-only", "All");
        browser.select("sort-by", "Name");
        browser.wait.until(d -> browser.gridText("slot-grid").contains("cam1"));
        String grid = browser.gridText("slot-grid");
        assertThat(grid).contains("Active").contains("Inactive");
        assertThat(grid.indexOf("cam1")).isLessThan(grid.indexOf("cam2"));
        assertThat(grid.indexOf("cam2")).isLessThan(grid.indexOf("na-cam"));
        browser.screenshot("08-filter-sort");
        browser.open(base + "slots/" + slot("cam1").id());
        assertThat(browser.byId("details-live").getText()).isEqualTo("Active");
        browser.center(browser.byId("live-stats"));
        browser.byId("live-nodes");
        browser.screenshot("08b-details-live-statistics");
    }

    @Test
    @Order(7)
    void deleteAsksForConfirmation() throws Exception {
        browser.open(base + "slots");
        browser.click("delete-cam2");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-confirm-dialog-overlay")));
        assertThat(browser.pageText()).contains("cannot undo");
        browser.screenshot("09-delete-confirm");
        browser.driver.findElement(By.xpath("//vaadin-button[@slot='confirm-button']")).click();
        browser.waitForVaadin();
        browser.wait.until(d -> browser.notifications().contains("deleted"));
        assertThat(server.slots.find(AdminServer.ALICE, "acme", "cam2").status().displayName()).isEqualTo("Deleting");
    }

    @Test
    @Order(8)
    void anotherAccountsSlotCannotBeReachedByUrl() throws Exception {
        String cam1 = slot("cam1").id();
        browser.logout();
        browser.login(base, "bob", AdminServer.PASSWORD);
        browser.open(base + "slots/" + cam1);
        browser.byId("missing-view");
        assertThat(browser.pageText()).contains("There is no slot").doesNotContain("eu1.example.com");
        browser.open(base + "slots/" + cam1 + "/edit");
        browser.byId("missing-view");
        browser.open(base + "accounts");
        browser.byId("no-access-view");
        browser.screenshot("10-no-access");
    }

    @Test
    @Order(9)
    void operatorScreens() throws Exception {
        browser.logout();
        browser.login(base, "ops", AdminServer.PASSWORD);
        browser.open(base + "accounts");
        assertThat(browser.gridText("account-grid")).contains("acme").contains("globex");
        browser.screenshot("11-accounts");
        browser.open(base + "pops");
        assertThat(browser.gridText("pop-grid")).contains("eu1").contains("na1");
        browser.screenshot("12-pops");
        browser.open(base + "users");
        assertThat(browser.gridText("user-grid")).contains("alice").contains("bob");
        browser.screenshot("13-users");
        browser.open(base + "tokens");
        browser.type("token-label", "ci");
        browser.click("token-create");
        Object token = browser.driver.executeScript("return arguments[0].value", browser.byId("token-issued"));
        assertThat(String.valueOf(token)).startsWith("lpt_");
        browser.screenshot("14-tokens");
    }

    @Test
    @Order(10)
    void theTestUrlGeneratorSignsUrlsThatMediaVaultAccepts() throws Exception {
        String secret = "portalVaultSecret2026";
        SlotRecord slot = server.slots.create(AdminServer.ALICE, "acme", new SlotDraft("vault-cam", "",
                SlotType.LIVE_PUSH, Region.EUROPE, server.euPop.id(), null, false, 1000, 6000, 300, false,
                List.of(new NewCredential("enc", AdminServer.PASSWORD)), List.of(), List.of(),
                AddressRule.Action.ALLOW, new MediaVaultInput(MediaVaultMode.URL_ALL, secret, null, 403, false,
                        MediaVaultSettings.DEFAULT_PATH_TOKEN, MediaVaultSettings.DEFAULT_PATH_DELIM, false, 0)));
        browser.logout();
        browser.login(base, "alice", AdminServer.PASSWORD);
        browser.open(base + "slots/" + slot.id());
        browser.type("signed-path", "720p/index.m3u8");
        browser.click("signed-generate");
        String url = String.valueOf(browser.driver.executeScript("return arguments[0].value",
                browser.byId("signed-url")));
        browser.screenshot("15-signed-url");

        MediaVaultVerifier verifier = new MediaVaultVerifier(new MediaVaultSettings(MediaVaultMode.URL_ALL, secret,
                null, 403, false, MediaVaultSettings.DEFAULT_PATH_TOKEN, MediaVaultSettings.DEFAULT_PATH_DELIM, false,
                0));
        String segment = url.replace("720p/index.m3u8", "720p/seg_1.ts");
        String otherSlot = url.replace("/vault-cam/", "/other-cam/");
        assertThat(url).startsWith(slot.playbackUrl(true) + "720p/index.m3u8?");
        assertThat(verifier.check(MediaVaultRequest.of(url, "203.0.113.9", null), path -> false).allowed()).isTrue();
        // The directory token (the default) also opens the segments beside the playlist, and nothing else.
        assertThat(verifier.check(MediaVaultRequest.of(segment, "203.0.113.9", null), path -> false).allowed())
                .isTrue();
        assertThat(verifier.check(MediaVaultRequest.of(otherSlot, "203.0.113.9", null), path -> false).allowed())
                .isFalse();
        assertThat(browser.pageText()).doesNotContain(secret);
    }

    @Test
    @Order(11)
    void configureValidationKeepsWhatWasTypedOnAnErrorThenSavesTheViewerRules() throws Exception {
        SlotRecord before = slot("vault-cam");
        browser.open(base + "slots/" + before.id());
        browser.click("configure-validation");
        browser.type("mv-viewer-rules", "allow 10.0.0.0/33");
        browser.click("mv-save");
        String error = browser.wait.until(d -> d.findElements(By.cssSelector(".form-error")).stream()
                .map(WebElement::getText).filter(text -> !text.isBlank()).findFirst().orElse(null));
        assertThat(error).startsWith("Viewer rule 1: ").contains("10.0.0.0/33");
        assertThat(browser.driver.executeScript("return arguments[0].value", browser.byId("mv-viewer-rules")))
                .isEqualTo("allow 10.0.0.0/33");
        assertThat(slot("vault-cam").viewerRules()).isEmpty();
        browser.screenshot("16-validation-error");

        browser.type("mv-viewer-rules", "allow 10.0.0.0/8\ndeny 0.0.0.0/0");
        browser.click("mv-save");
        browser.wait.until(d -> d.findElements(By.id("mv-save")).isEmpty());

        SlotRecord after = slot("vault-cam");
        assertThat(after.viewerRules()).extracting(rule -> rule.action() + " " + rule.cidr())
                .containsExactly("ALLOW 10.0.0.0/8", "DENY 0.0.0.0/0");
        assertThat(after.mediaVault().mode()).isEqualTo(MediaVaultMode.URL_ALL);
        assertThat(after.mediaVault().primarySecretSet()).isTrue();
        assertThat(browser.pageText()).contains("allow 10.0.0.0/8, deny 0.0.0.0/0");
    }

    @Test
    @Order(12)
    void theEncoderHealthTableRefreshesByItselfAndShowsARenditionGoLateThenStopped() throws Exception {
        SlotRecord slot = server.slots.create(AdminServer.ALICE, "acme", new SlotDraft("health-cam", "",
                SlotType.LIVE_PUSH, Region.EUROPE, server.euPop.id(), null, false, 1000, 2000, 300, false,
                List.of(new NewCredential("enc", AdminServer.PASSWORD)), List.of(), List.of(),
                AddressRule.Action.ALLOW, MediaVaultInput.disabled()));
        browser.open(base + "slots/" + slot.id());
        assertThat(browser.byId("rendition-health").getText()).contains("No encoder has uploaded");

        Instant now = Instant.now();
        new RenditionHealthService(server.database, server.clock).report("node-a", List.of(
                rendition(slot.id(), "high/index.m3u8", Duration.ofHours(1), now),
                rendition(slot.id(), "low/index.m3u8", Duration.ofSeconds(2), now)), List.of());

        browser.wait.until(d -> "healthy".equals(state("low/index.m3u8")));
        assertThat(browser.gridText("rendition-health-grid")).contains("high/index.m3u8").contains("41")
                .contains("1900 kbps / 2000 kbps").contains("node-a");
        browser.wait.until(d -> "late".equals(state("low/index.m3u8")));
        assertThat(Instant.now()).as("Late shows within a refresh of turning Late")
                .isBefore(now.plusSeconds(5));
        browser.center(browser.byId("rendition-health"));
        browser.screenshot("17-encoder-health-late");
        browser.wait.until(d -> "stopped".equals(state("low/index.m3u8")));
        assertThat(state("high/index.m3u8")).isEqualTo("healthy");
        assertThat(browser.gridText("rendition-health-grid")).contains("Stopped").contains("Healthy");
    }

    private static String state(String rendition) {
        // One script call: the table is re-rendered every second, so an element found in one call may be gone later.
        Object state = browser.driver.executeScript("const s = document.querySelector("
                + "\"#rendition-health-grid span[data-rendition='\" + arguments[0] + \"']\"); "
                + "return s ? s.getAttribute('data-state') : null;", rendition);
        return state == null ? null : state.toString();
    }

    private static RenditionReport rendition(String slotId, String name, Duration segment, Instant lastSegment) {
        return new RenditionReport(slotId, name, "hls", new RenditionFacts(segment, lastSegment, null, null, null,
                lastSegment), RenditionState.HEALTHY, 41L, lastSegment, 0, 0, 1900, 2000, 0, null, 0);
    }
}
