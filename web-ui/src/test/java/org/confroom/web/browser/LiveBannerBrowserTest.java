package org.confroom.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.confroom.conference.testsupport.AmiSimTestResource;
import org.confroom.web.security.Role;
import org.confroom.web.testsupport.Browser;
import org.confroom.web.testsupport.WebSession;
import org.confroom.web.testsupport.WebTestProfile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** In a real browser: login, the dashboard, and the PBX banner turning stale and fresh again over SSE. */
@QuarkusTest
@TestProfile(WebTestProfile.class)
@Tag("browser")
class LiveBannerBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void loginThenTheBannerFollowsThePbxWithoutAReload() throws Exception {
        WebSession.as(Role.VIEWER); // creates the user
        try (Browser b = Browser.open(base.toString(), 1280, 800)) {
            b.go("/login");
            assertThat(b.find("h1").getText()).isEqualTo("confroom");
            b.find("#username").sendKeys("test-viewer");
            b.find("#password").sendKeys("wrong password!");
            b.find("button[type=submit]").click();
            b.await("the login error", 10, d -> d.getPageSource().contains("Wrong user name or password"));

            b.login("test-viewer", WebSession.PASSWORD);
            b.await("the live banner", 10, d -> !b.all("#pbx-banner [data-state=live]").isEmpty());
            assertThat(b.find(".whoami .user").getText()).isEqualTo("test-viewer");
            assertThat(b.all("a[href='/users']")).as("a viewer sees no admin links").isEmpty();

            Assumptions.assumeTrue(AmiSimTestResource.simulator() != null, "needs the simulator's fault controls");
            // mark the page, so a reload would be noticed
            ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript("window.confroomMarker = 42;");
            AmiSimTestResource.simulator().controls().refuseConnections();
            try {
                b.await("the stale banner", 10, d -> !b.all("#pbx-banner [data-state=stale]").isEmpty());
                b.screenshot("banner-stale");
            } finally {
                AmiSimTestResource.simulator().controls().acceptConnections();
            }
            b.await("the live banner after reconnect", 20, d -> !b.all("#pbx-banner [data-state=live]").isEmpty());
            Object marker = ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript("return window.confroomMarker;");
            assertThat(marker).as("no reload happened").isEqualTo(42L);
            assertThat(b.consoleErrors()).as("browser console errors (CSP violations included)").isEmpty();
        }
    }
}
