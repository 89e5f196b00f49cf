package org.confroom.conference.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.confroom.conference.live.SimPbx.await;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.confroom.ami.codec.RandomTries;
import org.confroom.ami.sim.WireStats;
import org.confroom.conference.ConferenceException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.audit.AuditLog;
import org.confroom.conference.audit.AuditQuery;
import org.confroom.conference.directory.ResultPage;
import org.confroom.conference.calls.ClickToCallService;
import org.confroom.conference.directory.ContactDraft;
import org.confroom.conference.directory.ContactService;
import org.confroom.conference.invite.InvitationService;
import org.confroom.conference.invite.InviteTarget;
import org.confroom.conference.invitee.InviteeRole;
import org.confroom.conference.live.LivePbxTest;
import org.confroom.conference.merge.MergeService;
import org.confroom.conference.moderation.ModerationService;
import org.confroom.conference.room.Room;
import org.confroom.conference.room.RoomDraft;
import org.confroom.conference.room.RoomService;
import org.confroom.conference.testsupport.AmiSimTestResource;
import org.confroom.conference.testsupport.ConferenceTestProfile;
import org.confroom.conference.testsupport.HostileFields;
import org.confroom.conference.testsupport.HostileStrings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * Hostile strings ({@link HostileStrings}) through every field of the services that lead to AMI actions:
 * each call either succeeds or is refused with a {@link ConferenceException} that says what is wrong
 * (a {@link ValidationException} names its field), never another exception; and the simulator's wire
 * shows no bare CR, bare LF, NUL or undecodable block. CI: {@value #CI_TRIES} tries; more with
 * {@code -Dconfroom.fuzz.tries=N}, replay with {@code -Dconfroom.seed=N}.
 */
@QuarkusTest
@TestProfile(ConferenceTestProfile.class)
class ServiceInputFuzzTest extends LivePbxTest {
    private static final int CI_TRIES = 25;
    /** Room numbers the fuzz creates: a range no other test uses. */
    private static final String OWN_PREFIX = "98765";

    @Inject
    RoomService rooms;
    @Inject
    ContactService contacts;
    @Inject
    InvitationService invitations;
    @Inject
    ModerationService moderation;
    @Inject
    MergeService merges;
    @Inject
    ClickToCallService clickToCall;
    @Inject
    AuditLog audit;

    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final AtomicInteger ownRooms = new AtomicInteger();

    @Test
    void hostileInputIsRefusedClearlyAndNeverReachesTheWire() {
        Assumptions.assumeTrue(AmiSimTestResource.simulator() != null, "needs the simulator's wire");
        AmiSimTestResource.simulator().controls().resetWire();
        Room live = rooms.create(RoomDraft.of(OWN_PREFIX + "00", "Fuzz live room"), "fuzz");
        String member = pbx.joinQuiet(live.number, "1011", "Fuzz member");
        await("member live", () -> this.live.room(live.number).map(r -> r.member(member).isPresent()).orElse(false));
        int tries = RandomTries.tries("services", CI_TRIES);

        RandomTries.run("hostile service input", tries, r -> oneTry(r, live, member));

        WireStats wire = AmiSimTestResource.simulator().controls().wire();
        assertThat(wire.clean()).as("the simulator's wire: " + wire).isTrue();
        assertThat(wire.actions()).as("actions reached the simulator").isPositive();
        System.out.printf(Locale.ROOT, "FUZZ | conference-service inputs | %d tries | outcomes %s | wire %d bytes, %d actions, clean%n",
                tries, outcomes, wire.bytes(), wire.actions());
    }

    @Test
    void aNulInARefusedNumberIsAuditedAsTheSymbolForNull() {
        // found by the fuzz: the refusal's audit row failed in PostgreSQL (jsonb keeps no \u0000), a DataException for the user
        Room room = rooms.create(RoomDraft.of(OWN_PREFIX + "01", "Fuzz NUL room"), "fuzz");
        assertThatThrownBy(() -> invitations.invite(room.id, "\0" + "1001", InviteeRole.PARTICIPANT, "fuzz"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("number"));
        ResultPage<AuditEvent> rows = audit.search(new AuditQuery("fuzz", "invite", room.id, null, null, 0, 5));
        assertThat(rows.items()).isNotEmpty().allSatisfy(e -> assertThat(e.details.toString()).contains("\u24001001"));
        assertThat(audit.search(new AuditQuery("fu\0zz", null, null, null, null, 0, 5)).items()).isEmpty();
    }

    @Test
    void aNulInARoomNameIsAValidationError() {
        // found by the long fuzz run (seed 4715079825885): the name went to PostgreSQL, a DataException for the user
        assertThatThrownBy(() -> rooms.create(RoomDraft.of(OWN_PREFIX + "02", "Fuzz\0room"), "fuzz"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("name: contains a control character (U+0000); it must fit on one line"));
    }

    @Test
    void aNulInAContactSearchIsAValidationError() {
        // found by the fuzz: the query went to PostgreSQL, which refused it ("invalid byte sequence for encoding UTF8: 0x00")
        assertThatThrownBy(() -> contacts.search("Al\0ice", 0, 20)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.getMessage()).isEqualTo("query: contains a control character (U+0000); it must fit on one line"));
    }

    private void oneTry(Random r, Room live, String member) {
        HostileFields f = new HostileFields(r);
        call("RoomService.create", () -> rooms.create(draft(r, f), "fuzz"));
        call("RoomService.update", () -> {
            Room fresh = rooms.get(live.id);
            return rooms.update(live.id, fresh.version, new RoomDraft(live.number, f.or("Fuzz live room"), f.or("default_bridge"),
                    f.or("default_user"), null, f.or("Fuzz"), f.or("+4930123"), f.or("1234")), "fuzz");
        });
        call("ContactService.create", () -> contacts.create(new ContactDraft(f.or("Fuzz contact"),
                f.or("88" + RandomTries.between(r, 10, 99)), f.or("fuzz@example.org"), f.or("notes")), "fuzz"));
        call("ContactService.search", () -> contacts.search(f.or("Fuzz"), 0, 20));
        call("InvitationService.inviteAll", () -> invitations.inviteAll(live.id, List.of(
                InviteTarget.number(f.or("88" + RandomTries.between(r, 10, 99)), InviteeRole.PARTICIPANT),
                InviteTarget.number(f.hostile(), InviteeRole.MODERATOR)), "fuzz"));
        call("InvitationService.invite", () -> invitations.invite(live.id, f.or("88" + RandomTries.between(r, 10, 99)),
                InviteeRole.PARTICIPANT, "fuzz"));
        String channel = r.nextInt(4) == 0 ? member + f.hostile() : f.or(member);
        call("ModerationService.mute", () -> {
            moderation.mute(live.id, channel, "fuzz");
            return null;
        });
        call("ModerationService.sendDtmf", () -> {
            moderation.sendDtmf(live.id, f.or(member), f.or("1#"), "fuzz");
            return null;
        });
        call("MergeService.merge(call)", () -> merges.merge(f.hostile(), live.id, "fuzz"));
        call("MergeService.merge(channels)", () -> merges.merge(f.hostile(), channel, live.id, "fuzz"));
        call("MergeService.pull", () -> merges.pull(channel, live.id, "fuzz"));
        call("ClickToCallService.call", () -> clickToCall.call(f.or("88" + RandomTries.between(r, 10, 99)),
                f.or("88" + RandomTries.between(r, 10, 99)), "fuzz"));
    }

    /** A draft of random fields; a number that would be valid is moved into this test's own range. */
    private RoomDraft draft(Random r, HostileFields f) {
        String number = f.or("0");
        if (number.strip().matches("[0-9]{1,20}")) {
            number = OWN_PREFIX + String.format(Locale.ROOT, "%04d", 100 + ownRooms.incrementAndGet());
        }
        Integer max = r.nextInt(3) == 0 ? r.nextInt(2000) - 500 : null;
        return new RoomDraft(number, f.or("Fuzz room"), f.or("default_bridge"), f.or("default_user"), max, f.or("Fuzz"),
                f.or("+4930123"), f.or("1234"));
    }

    private void call(String what, Supplier<?> body) {
        String outcome;
        try {
            body.get();
            outcome = "ok";
        } catch (ValidationException e) {
            assertThat(e.field()).as(what + " field of " + e).isNotBlank();
            assertThat(e.reason()).as(what + " reason of " + e).isNotBlank();
            outcome = "ValidationException";
        } catch (ConferenceException e) {
            assertThat(e.getMessage()).as(what + " message of " + e).isNotBlank();
            outcome = e.getClass().getSimpleName();
        }
        outcomes.merge(what + " " + outcome, 1, Integer::sum);
    }
}
