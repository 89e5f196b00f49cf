package org.confroom.web.rooms;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.confroom.conference.live.LiveMember;
import org.confroom.conference.live.LiveRoom;
import org.confroom.conference.live.MemberPhase;
import org.confroom.conference.live.PbxStatus;

/**
 * A room's live conference as pages and the API show it.
 *
 * @param number conference number
 * @param active true when the conference exists on the PBX (as far as we know)
 * @param locked true when locked: invited phones cannot join
 * @param recording true while recorded
 * @param stale true while the live state may be out of date (PBX disconnected or resynchronising)
 * @param pbxDetail the PBX connection in a sentence
 * @param members members, joining ones included
 */
public record LiveView(String number, boolean active, boolean locked, boolean recording, boolean stale, String pbxDetail,
        List<Member> members) {

    /**
     * One member.
     *
     * @param channel the channel name: send it back to mute, unmute or kick the member
     * @param callerIdNum caller id number
     * @param callerIdName caller id name
     * @param muted true when muted
     * @param talking true while talking (only with talk detection)
     * @param admin true for an admin user
     * @param phase JOINING (hears a prompt) or JOINED
     * @param joinedAt when it joined, null while joining
     * @param dialled the number confroom dialled for this member, null when it came another way (dial-in, merge)
     * @param contactName the directory name of that number, or null
     */
    public record Member(String channel, String callerIdNum, String callerIdName, boolean muted, boolean talking,
            boolean admin, MemberPhase phase, Instant joinedAt, String dialled, String contactName) {

        static Member of(LiveMember m, Map<String, Dialled> byChannel) {
            Dialled d = byChannel.get(m.channel());
            return new Member(m.channel(), m.callerIdNum(), m.callerIdName(), m.muted(), m.talking(), m.admin(), m.phase(),
                    m.joinedAt(), d == null ? null : d.number(), d == null ? null : d.contactName());
        }

        /** @return who this is, for people: the contact or number confroom dialled, else the caller id */
        public String who() {
            if (dialled != null) {
                return contactName != null ? contactName : dialled;
            }
            return callerIdName == null || callerIdName.isBlank() || "<unknown>".equals(callerIdName) ? callerIdNum : callerIdName;
        }

        /** @return a short stable name of this member for element ids and its own live event ({@code member-<key>}) */
        public String key() {
            return key(channel);
        }

        /** @return the key of the member on {@code channel} */
        public static String key(String channel) {
            try {
                byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(channel.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return java.util.HexFormat.of().formatHex(d, 0, 6);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JDK", e);
            }
        }

        /** @return the number to show beside {@link #who()} */
        public String number() {
            return dialled != null ? dialled : callerIdNum;
        }

        /** @return the join time for display */
        public String since() {
            return TimeText.of(joinedAt);
        }
    }

    /** What an invitation dialled on a channel: the member it became is shown by it. */
    record Dialled(String number, String contactName) {
    }

    static LiveView of(String number, Optional<LiveRoom> room, PbxStatus status, Map<String, Dialled> byChannel) {
        return new LiveView(number, room.isPresent(), room.map(LiveRoom::locked).orElse(false),
                room.map(LiveRoom::recording).orElse(false), status.stale(), status.detail(),
                room.map(r -> r.members().stream().map(m -> Member.of(m, byChannel)).toList()).orElse(List.of()));
    }

    /** @return members in the bridge */
    public long joinedCount() {
        return members.stream().filter(m -> m.phase() == MemberPhase.JOINED).count();
    }
}
