package org.confroom.conference.moderation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.confroom.ami.action.AmiAction;
import org.confroom.ami.action.ConfbridgeKick;
import org.confroom.ami.action.ConfbridgeLock;
import org.confroom.ami.action.ConfbridgeMute;
import org.confroom.ami.action.ConfbridgeStartRecord;
import org.confroom.ami.action.ConfbridgeStopRecord;
import org.confroom.ami.action.ConfbridgeUnlock;
import org.confroom.ami.action.ConfbridgeUnmute;
import org.confroom.ami.action.ConferenceMemberAction;
import org.confroom.ami.action.PlayDTMF;
import org.confroom.ami.client.AmiResponse;
import org.confroom.conference.DatabaseUnavailableException;
import org.confroom.conference.NotFoundException;
import org.confroom.conference.PbxCommandException;
import org.confroom.conference.ValidationException;
import org.confroom.conference.audit.AuditEvent;
import org.confroom.conference.audit.AuditLog;
import org.confroom.conference.live.LiveRoom;
import org.confroom.conference.live.LiveRooms;
import org.confroom.conference.pbx.PbxFailure;
import org.confroom.conference.pbx.PbxGateway;
import org.confroom.conference.room.Room;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Moderation of a live room: mute, kick, lock, record, end, DTMF. Each command checks that the room
 * exists and is not archived, and for a member command that the channel is a live member of it (unless
 * the live state is stale: then Asterisk's answer decides). Every command writes an audit row with the
 * actor, the room, the target and the outcome; refusals (ours or Asterisk's) are audited in their own
 * transaction and thrown: {@link NotFoundException}, {@link ValidationException}, or
 * {@link PbxCommandException} with Asterisk's message (for example {@code No Conference by that name found.}).
 *
 * <p>A command is reported done only after its audit row has committed. The methods hold no transaction
 * (and no database connection) while they wait for Asterisk's answer (at most
 * {@code confroom.pbx.action-timeout}); the outcome is then audited in a transaction of its own. When that
 * write fails because the database is unreachable, the caller gets a {@link DatabaseUnavailableException}
 * saying that Asterisk carried the command out but it is not in the audit log, never a success.
 */
@ApplicationScoped
public class ModerationService {
    private static final Pattern DTMF = Pattern.compile("[0-9*#A-D]{1,32}");
    private static final Runnable NOTHING = () -> {
    };

    @Inject
    RoomCommandGuard guard;

    @Inject
    LiveRooms live;

    @Inject
    PbxGateway pbx;

    @Inject
    AuditLog audit;

    /** Mutes one member ({@code ConfbridgeMute}). */
    public void mute(long roomId, String channel, String actor) {
        memberCommand(roomId, channel, actor, "member.mute", ConfbridgeMute::new);
    }

    /** Unmutes one member ({@code ConfbridgeUnmute}). */
    public void unmute(long roomId, String channel, String actor) {
        memberCommand(roomId, channel, actor, "member.unmute", ConfbridgeUnmute::new);
    }

    /** Mutes every member who is not an admin ({@code ConfbridgeMute Channel: participants}). */
    public void muteParticipants(long roomId, String actor) {
        participantsCommand(roomId, actor, "room.mute-participants", ConfbridgeMute::new);
    }

    /** Unmutes every member who is not an admin. */
    public void unmuteParticipants(long roomId, String actor) {
        participantsCommand(roomId, actor, "room.unmute-participants", ConfbridgeUnmute::new);
    }

    /**
     * Removes one member ({@code ConfbridgeKick} with the exact channel). The member leaves at once and
     * hangs up about 2.4 s later, after the kick prompt.
     */
    public void kick(long roomId, String channel, String actor) {
        memberCommand(roomId, channel, actor, "member.kick", ConfbridgeKick::new);
    }

    /** Removes every member who is not an admin ({@code ConfbridgeKick Channel: participants}). */
    public void kickParticipants(long roomId, String actor) {
        participantsCommand(roomId, actor, "room.kick-participants", ConfbridgeKick::new);
    }

    /** Ends the conference: removes every member, admins included ({@code ConfbridgeKick Channel: all}). */
    public void endRoom(long roomId, String actor) {
        roomCommand(roomId, actor, "room.end", n -> new ConfbridgeKick(n, ConferenceMemberAction.ALL));
    }

    /** Locks the conference: nobody else can join. Updates the live state at once (Asterisk emits no event). */
    public void lock(long roomId, String actor) {
        roomCommand(roomId, actor, "room.lock", ConfbridgeLock::new, number -> live.lockChanged(number, true));
    }

    /** Unlocks the conference; updates the live state at once. */
    public void unlock(long roomId, String actor) {
        roomCommand(roomId, actor, "room.unlock", ConfbridgeUnlock::new, number -> live.lockChanged(number, false));
    }

    /** Starts recording to Asterisk's default file (needs write class {@code system} for the AMI user). */
    public void startRecording(long roomId, String actor) {
        roomCommand(roomId, actor, "room.record-start", ConfbridgeStartRecord::new);
    }

    /** Stops recording; Asterisk refuses with {@code Internal error while stopping recording.} when none runs. */
    public void stopRecording(long roomId, String actor) {
        roomCommand(roomId, actor, "room.record-stop", ConfbridgeStopRecord::new);
    }

    /**
     * Plays DTMF digits to a member, one {@code PlayDTMF} per digit (each answers after the digit was played).
     *
     * @param digits 1 to 32 of {@code 0-9 * # A-D}
     */
    public void sendDtmf(long roomId, String channel, String digits, String actor) {
        Room room = guard.activeRoom(roomId, "member.dtmf", channel, actor);
        String member = liveMember(room, channel, "member.dtmf", actor);
        if (digits == null || !DTMF.matcher(digits).matches()) {
            throw guard.refuse(room, "member.dtmf", member, actor,
                    new ValidationException("digits", "1 to 32 of 0-9, *, #, A-D"));
        }
        List<AmiAction> actions = new ArrayList<>();
        for (char d : digits.toCharArray()) {
            actions.add(PlayDTMF.of(member, d));
        }
        run(room, "member.dtmf", member, actor, actions, Map.of("digits", digits), NOTHING);
    }

    private void memberCommand(long roomId, String channel, String actor, String action,
            BiFunction<String, String, AmiAction> command) {
        Room room = guard.activeRoom(roomId, action, channel, actor);
        String member = liveMember(room, channel, action, actor);
        run(room, action, member, actor, List.of(command.apply(room.number, member)), Map.of(), NOTHING);
    }

    private void participantsCommand(long roomId, String actor, String action,
            BiFunction<String, String, AmiAction> command) {
        roomCommand(roomId, actor, action, n -> command.apply(n, ConferenceMemberAction.PARTICIPANTS));
    }

    private void roomCommand(long roomId, String actor, String action, Function<String, AmiAction> command) {
        roomCommand(roomId, actor, action, command, number -> NOTHING.run());
    }

    /** @param done runs with the conference number once Asterisk carried the command out */
    private void roomCommand(long roomId, String actor, String action, Function<String, AmiAction> command,
            Consumer<String> done) {
        Room room = guard.activeRoom(roomId, action, null, actor);
        run(room, action, room.number, actor, List.of(command.apply(room.number)), Map.of(), () -> done.accept(room.number));
    }

    /**
     * Sends the actions in order and audits the outcome; the first failure stops and is thrown.
     *
     * @param carriedOut runs when Asterisk accepted every action, before the audit row is written
     * @throws DatabaseUnavailableException when Asterisk carried the command out but its audit row could not
     *     be written
     */
    private void run(Room room, String action, String target, String actor, List<AmiAction> actions,
            Map<String, ?> extra, Runnable carriedOut) {
        Map<String, Object> details = new LinkedHashMap<>(extra);
        details.put("conference", room.number);
        int done = 0;
        try {
            AmiResponse last = null;
            for (AmiAction a : actions) {
                last = pbx.send(a);
                done++;
            }
            details.put("asterisk", last == null ? null : last.text());
        } catch (PbxCommandException e) {
            details.put("error", e.getMessage());
            if (actions.size() > 1) {
                details.put("completed", done + " of " + actions.size());
            }
            AuditEvent.Outcome outcome = PbxFailure.of(e) == PbxFailure.REFUSED ? AuditEvent.Outcome.REFUSED
                    : AuditEvent.Outcome.FAILED;
            audit.recordSeparately(actor, action, room.id, target, outcome, details);
            throw e;
        }
        carriedOut.run();
        try {
            audit.recordSeparately(actor, action, room.id, target, AuditEvent.Outcome.OK, details);
        } catch (RuntimeException e) {
            String why = DatabaseUnavailableException.find(e).orElse(null);
            if (why == null) {
                throw e;
            }
            throw new DatabaseUnavailableException("Asterisk carried out " + action + " on " + target + " in room " + room.number
                    + ", but the database is unavailable, so it is not in the audit log (" + why
                    + "). Check the room before you repeat it.", e);
        }
    }

    /** @return the channel, checked to be a live member unless the live state is stale */
    private String liveMember(Room room, String channel, String action, String actor) {
        if (channel == null || channel.isBlank()) {
            throw guard.refuse(room, action, null, actor, new ValidationException("channel", "required"));
        }
        String c = channel.strip();
        if (live.status().stale()) {
            return c;
        }
        boolean member = live.room(room.number).flatMap((LiveRoom r) -> r.member(c)).isPresent();
        if (!member) {
            throw guard.refuse(room, action, c, actor,
                    new NotFoundException(c + " is not a member of room " + room.number + " (it may have left)"));
        }
        return c;
    }
}
