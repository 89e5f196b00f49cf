package org.confroom.bench.live;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conferences of a live-state scale run: {@code rooms} rooms of {@code membersPerRoom} members and one
 * room of {@code bigRoomMembers}, filled by one Originate per member ({@code Local/<phone>@phones} into
 * {@code confbridge-quiet,<room>}). The joins are interleaved as on a busy PBX: all rooms grow together, a
 * round of one member per room at a time, with the big room's joins spread evenly over the whole run.
 *
 * @param rooms number of ordinary rooms (numbers 10000, 10001, ...)
 * @param membersPerRoom members of each ordinary room
 * @param bigRoomMembers members of the big room (number 20000); 0 for none
 */
public record LivePlan(int rooms, int membersPerRoom, int bigRoomMembers) {
    /** Number of the big room. */
    public static final String BIG_ROOM = "20000";

    /** One member to originate. */
    public record Join(String room, String phone) {
    }

    /** Checks the sizes. */
    public LivePlan {
        if (rooms < 0 || rooms > 9_999 || membersPerRoom < 0 || bigRoomMembers < 0 || (rooms == 0) == (membersPerRoom > 0)) {
            throw new IllegalArgumentException("rooms 1..9999 with members > 0 (or none with 0), big room >= 0: "
                    + rooms + " x " + membersPerRoom + " + " + bigRoomMembers);
        }
    }

    /** @return the number of an ordinary room */
    public static String roomNumber(int i) {
        return Integer.toString(10_000 + i);
    }

    /** @return every member to originate, in order */
    public List<Join> joins() {
        List<Join> regular = new ArrayList<>(rooms * membersPerRoom);
        int phone = 0;
        for (int m = 0; m < membersPerRoom; m++) {
            for (int r = 0; r < rooms; r++) {
                regular.add(new Join(roomNumber(r), phoneNumber(phone++)));
            }
        }
        List<Join> out = new ArrayList<>(regular.size() + bigRoomMembers);
        int next = 0;
        for (int b = 0; b < bigRoomMembers; b++) {
            int until = (int) ((long) b * regular.size() / bigRoomMembers);
            while (next < until) {
                out.add(regular.get(next++));
            }
            out.add(new Join(BIG_ROOM, phoneNumber(phone++)));
        }
        out.addAll(regular.subList(next, regular.size()));
        return Collections.unmodifiableList(out);
    }

    /** @return members per room number, as the PBX should hold them at the end */
    public Map<String, Integer> expected() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int r = 0; r < rooms; r++) {
            out.put(roomNumber(r), membersPerRoom);
        }
        if (bigRoomMembers > 0) {
            out.put(BIG_ROOM, bigRoomMembers);
        }
        return out;
    }

    /** @return all members */
    public int members() {
        return rooms * membersPerRoom + bigRoomMembers;
    }

    /** Six or more digits: the simulator's phones answer them (only 4-digit 7XXX, 8XXX, 9XXX do not). */
    private static String phoneNumber(int i) {
        return Integer.toString(300_000 + i);
    }

    @Override
    public String toString() {
        return rooms + " rooms x " + membersPerRoom + " members" + (bigRoomMembers > 0 ? " + 1 room x " + bigRoomMembers : "");
    }
}
