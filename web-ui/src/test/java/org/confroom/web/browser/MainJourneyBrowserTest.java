package org.confroom.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.regex.Pattern;

import org.confroom.conference.live.SimPbx;
import org.confroom.conference.testsupport.AmiSimTestResource;
import org.confroom.web.security.Role;
import org.confroom.web.testsupport.Browser;
import org.confroom.web.testsupport.WebSession;
import org.confroom.web.testsupport.WebTestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The main journey of an operator in a real browser, against ami-sim: log in, create a room, invite
 * three numbers (one busy), watch the members join live, mute one, lock the room, merge a live call
 * into it, kick a member, read the audit log. No page is reloaded while the live parts change; the
 * screenshots of the main steps are copied to {@code docs/screenshots/} for the README.
 */
@QuarkusTest
@TestProfile(WebTestProfile.class)
@Tag("browser")
class MainJourneyBrowserTest {
    private static final Pattern ROOM_URL = Pattern.compile(".*/rooms/(\\d+)$");

    @TestHTTPResource("/")
    URL base;

    private SimPbx pbx;

    @jakarta.inject.Inject
    org.confroom.conference.room.RoomService rooms;

    @jakarta.inject.Inject
    org.confroom.conference.invite.InvitationService invitations;

    @AfterEach
    void closePbx() {
        if (pbx != null) {
            pbx.close();
        }
    }

    @Test
    void operatorJourney() {
        WebSession.as(Role.OPERATOR);
        try (Browser b = Browser.open(base.toString(), 1280, 900)) {
            b.login("test-operator", WebSession.PASSWORD);
            b.screenshot("01-dashboard");

            // create a room
            b.go("/rooms/new");
            b.find("#number").sendKeys("7911");
            b.find("#name").sendKeys("Weekly sync");
            b.find("form.room-form button[type=submit]").click();
            b.await("the new room's page", 10, d -> ROOM_URL.matcher(d.getCurrentUrl()).matches());
            String roomPath = b.driver().getCurrentUrl().replaceFirst("^https?://[^/]+", "");
            markPage(b);

            // invite three numbers, one busy (8XXX in the simulator's dialplan)
            b.find("#numbers").sendKeys("2101\n8101\n2102");
            b.find("form[hx-post$='/invitations'] button[type=submit]").click();
            b.await("three invite results", 10, d -> b.find("#invite-results").getText().contains("8101"));

            // members join live, the busy number fails
            b.await("two joined members", 30, d -> joinedMembers(b).size() == 2);
            b.await("the busy attempt failed", 30, d -> !b.all("#attempts tr[data-state=FAILED]").isEmpty());
            assertThat(b.find("#attempts tr[data-state=FAILED]").getText()).contains("8101");
            assertThat(b.find("#members").getText()).as("members shown by the numbers dialled").contains("2101", "2102");
            b.screenshot("02-room-live");

            // mute one
            String channel = joinedMembers(b).get(0).getAttribute("data-channel");
            b.act("mute " + channel, () -> memberRow(b, channel).findElement(By.xpath(".//button[normalize-space()='Mute']")).click());
            b.await("the member shown muted", 10, d -> memberRow(b, channel).getText().contains("muted"));

            // lock the room: the page says so; unlock again so the merge can join
            b.act("lock", () -> b.find("button[hx-post$='/lock']").click());
            b.await("the locked warning", 10, d -> !b.all(".room-locked").isEmpty());
            b.screenshot("03-room-locked");
            b.act("unlock", () -> b.find("button[hx-post$='/unlock']").click());
            b.await("the lock gone", 10, d -> b.all(".room-locked").isEmpty());
            assertPageNotReloaded(b);

            // merge a live two-party call into the room
            pbx = SimPbx.connect();
            pbx.twoPartyCall("1601", "2601", "Carol <b>");
            b.go("/calls");
            b.await("the live call", 20, d -> b.find("main").getText().contains("1601"));
            b.screenshot("04-live-calls");
            b.act("merge the call into 7911", () -> {
                WebElement call = b.driver().findElement(By.xpath("//*[@data-call][contains(., '1601')]"));
                new Select(call.findElement(By.cssSelector("select[name=roomId]"))).selectByVisibleText("7911 Weekly sync");
                call.findElement(By.xpath(".//button[normalize-space()='Merge into room']")).click();
            });
            b.await("the merge done", 20, d -> b.find("main").getText().contains("DONE"));
            b.screenshot("05-merge-done");

            // back in the room: four members; kick one
            b.go(roomPath);
            b.await("four members", 20, d -> joinedMembers(b).size() == 4);
            markPage(b);
            List<WebElement> members = joinedMembers(b);
            String kicked = members.get(members.size() - 1).getAttribute("data-channel");
            b.act("kick " + kicked, () -> memberRow(b, kicked).findElement(By.xpath(".//button[normalize-space()='Kick']")).click());
            b.driver().switchTo().alert().accept();
            b.await("the kicked member gone", 20, d -> b.all("#members tr[data-channel='" + kicked + "']").isEmpty());
            assertPageNotReloaded(b);

            // the audit log tells it all
            b.go("/audit");
            String audit = b.find("main").getText();
            assertThat(audit).contains("room.create", "member.mute", "room.lock", "room.unlock", "merge.request", "member.kick");
            b.screenshot("06-audit");
            assertThat(b.consoleErrors()).as("browser console errors (CSP violations included)").isEmpty();
        }
        AmiSimTestResource.simulator(); // the journey ran against the simulator unless AMI_HOST was set
    }

    @Test
    void roomPageAtPhoneWidth() {
        WebSession.as(Role.OPERATOR);
        org.confroom.conference.room.Room room = rooms.create(org.confroom.conference.room.RoomDraft.of("7912", "On the road"), "test");
        invitations.inviteAll(room.id, List.of(org.confroom.conference.invite.InviteTarget.number("2121", org.confroom.conference.invitee.InviteeRole.PARTICIPANT),
                org.confroom.conference.invite.InviteTarget.number("2122", org.confroom.conference.invitee.InviteeRole.PARTICIPANT)), "test");
        try (Browser b = Browser.open(base.toString(), 390, 844)) {
            b.login("test-operator", WebSession.PASSWORD);
            b.go("/rooms/" + room.id);
            b.await("two joined members", 30, d -> joinedMembers(b).size() == 2);
            b.screenshot("07-phone-room");
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) b.driver())
                    .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
            assertThat(overflow).as("no horizontal scrolling at 390 px").isEqualTo(false);
        }
    }

    private static List<WebElement> joinedMembers(Browser b) {
        return b.all("#members tr[data-channel]").stream().filter(r -> r.getText().contains("JOINED")).toList();
    }

    private static WebElement memberRow(Browser b, String channel) {
        return b.find("#members tr[data-channel='" + channel + "']");
    }

    private static void markPage(Browser b) {
        ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript("window.confroomMarker = 7;");
    }

    private static void assertPageNotReloaded(Browser b) {
        Object marker = ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript("return window.confroomMarker;");
        assertThat(marker).as("the page was updated in place, not reloaded").isEqualTo(7L);
    }
}
