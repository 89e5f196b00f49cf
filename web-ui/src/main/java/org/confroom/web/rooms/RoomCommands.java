package org.confroom.web.rooms;

import org.confroom.conference.NotFoundException;
import org.confroom.conference.moderation.ModerationService;

/** The moderation commands by the names pages and the API use for them. */
final class RoomCommands {
    private RoomCommands() {
    }

    /**
     * @param command mute, unmute or kick
     * @param channel the member's channel name
     * @throws NotFoundException for another name
     */
    static void member(ModerationService moderation, String command, long roomId, String channel, String actor) {
        switch (command) {
            case "mute" -> moderation.mute(roomId, channel, actor);
            case "unmute" -> moderation.unmute(roomId, channel, actor);
            case "kick" -> moderation.kick(roomId, channel, actor);
            default -> throw new NotFoundException("no member command '" + command + "'");
        }
    }

    /**
     * @param command mute-all, unmute-all, lock, unlock, record-start (or record/start), record-stop, end
     * @throws NotFoundException for another name
     */
    static void run(ModerationService moderation, String command, long roomId, String actor) {
        switch (command.replace('/', '-')) {
            case "mute-all" -> moderation.muteParticipants(roomId, actor);
            case "unmute-all" -> moderation.unmuteParticipants(roomId, actor);
            case "lock" -> moderation.lock(roomId, actor);
            case "unlock" -> moderation.unlock(roomId, actor);
            case "record-start" -> moderation.startRecording(roomId, actor);
            case "record-stop" -> moderation.stopRecording(roomId, actor);
            case "end" -> moderation.endRoom(roomId, actor);
            default -> throw new NotFoundException("no room command '" + command + "'");
        }
    }
}
