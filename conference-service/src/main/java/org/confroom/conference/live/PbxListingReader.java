package org.confroom.conference.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

import org.confroom.ami.action.ConfbridgeList;
import org.confroom.ami.action.ConfbridgeListRooms;
import org.confroom.ami.action.CoreShowChannels;
import org.confroom.ami.client.AmiResponse;
import org.confroom.ami.event.ConfbridgeListEvent;
import org.confroom.ami.event.ConfbridgeListRoomsEvent;
import org.confroom.ami.event.CoreShowChannelEvent;
import org.confroom.conference.pbx.PbxFailure;
import org.confroom.conference.pbx.PbxGateway;

/**
 * Reads a {@link PbxListing}: {@code ConfbridgeListRooms}, then {@code ConfbridgeList} of the rooms that
 * need it together with one {@code CoreShowChannels}. Asterisk's refusals that mean "nothing there"
 * are answers, not failures: {@code No active conferences.} (transcript 06) is an empty list, and a
 * conference that ended between the two lists ({@code No Conference by that name found.}) is left out.
 */
final class PbxListingReader {
    /** Asterisk's answer to ConfbridgeListRooms and ConfbridgeList when no conference exists at all. */
    static final String NO_ACTIVE_CONFERENCES = "No active conferences.";
    /** Asterisk's answer to ConfbridgeList for a conference that does not exist. */
    static final String NO_SUCH_CONFERENCE = "No Conference by that name found.";

    private static final Set<String> NOTHING_THERE = Set.of(NO_ACTIVE_CONFERENCES, NO_SUCH_CONFERENCE);

    private final PbxGateway gateway;
    private final Executor executor;

    /**
     * @param gateway sends the lists
     * @param executor runs the steps between the answers (not the AMI I/O thread)
     */
    PbxListingReader(PbxGateway gateway, Executor executor) {
        this.gateway = gateway;
        this.executor = executor;
    }

    /**
     * @param needsMembers decides, per listed conference, whether its members are read
     * @return the listing; fails with a {@code PbxCommandException} when a list could not be read
     */
    CompletableFuture<PbxListing> read(Predicate<PbxListing.RoomListing> needsMembers) {
        Instant at = Instant.now();
        return gateway.sendAsync(new ConfbridgeListRooms(), gateway.defaultTimeout())
                .handle((response, failure) -> roomsOrEmpty(response, failure))
                .thenComposeAsync(rooms -> readMembers(rooms, needsMembers, at), executor);
    }

    private List<ConfbridgeListRoomsEvent> roomsOrEmpty(AmiResponse response, Throwable failure) {
        if (failure == null) {
            return response.items(ConfbridgeListRoomsEvent.class);
        }
        if (PbxFailure.asteriskMessage(failure).filter(NO_ACTIVE_CONFERENCES::equals).isPresent()) {
            return List.of();
        }
        throw PbxFailure.toCommandException("ConfbridgeListRooms", failure, gateway.defaultTimeout());
    }

    private CompletableFuture<PbxListing> readMembers(List<ConfbridgeListRoomsEvent> rooms,
            Predicate<PbxListing.RoomListing> needsMembers, Instant at) {
        Map<String, PbxListing.RoomListing> listed = new LinkedHashMap<>();
        Map<String, CompletableFuture<Optional<List<ConfbridgeListEvent>>>> memberLists = new LinkedHashMap<>();
        for (ConfbridgeListRoomsEvent r : rooms) {
            PbxListing.RoomListing room = new PbxListing.RoomListing(r.conference(), r.parties(), r.marked(), r.locked(),
                    Optional.empty());
            listed.put(room.number(), room);
            if (needsMembers.test(room)) {
                memberLists.put(room.number(), members(room.number()));
            }
        }
        if (memberLists.isEmpty()) {
            return CompletableFuture.completedFuture(new PbxListing(listed, Map.of(), at));
        }
        CompletableFuture<Map<String, String>> channels = channelBridges();
        List<CompletableFuture<?>> all = new ArrayList<>(memberLists.values());
        all.add(channels);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(done -> {
            memberLists.forEach((number, list) -> {
                Optional<List<ConfbridgeListEvent>> members = list.join();
                PbxListing.RoomListing room = listed.get(number);
                if (members.isEmpty()) {
                    listed.remove(number);
                } else {
                    listed.put(number, new PbxListing.RoomListing(number, room.parties(), room.marked(), room.locked(),
                            members));
                }
            });
            return new PbxListing(listed, channels.join(), at);
        });
    }

    /** @return the members, or empty when the conference is gone */
    private CompletableFuture<Optional<List<ConfbridgeListEvent>>> members(String number) {
        return gateway.sendAsync(new ConfbridgeList(number), gateway.defaultTimeout()).handle((response, failure) -> {
            if (failure == null) {
                return Optional.of(response.items(ConfbridgeListEvent.class));
            }
            if (PbxFailure.asteriskMessage(failure).filter(NOTHING_THERE::contains).isPresent()) {
                return Optional.empty();
            }
            throw PbxFailure.toCommandException("ConfbridgeList", failure, gateway.defaultTimeout());
        });
    }

    private CompletableFuture<Map<String, String>> channelBridges() {
        return gateway.sendAsync(new CoreShowChannels(), gateway.defaultTimeout()).thenApply(response -> {
            Map<String, String> out = new HashMap<>();
            for (CoreShowChannelEvent c : response.items(CoreShowChannelEvent.class)) {
                out.put(c.channel(), c.bridgeId());
            }
            return out;
        });
    }
}
