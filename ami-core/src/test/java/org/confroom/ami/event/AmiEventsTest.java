package org.confroom.ami.event;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.codec.MessageType;
import org.confroom.ami.codec.Transcripts;
import org.junit.jupiter.api.Test;

/** {@link AmiEvents#of} picks the typed class by name; typed accessors read recorded events right. */
class AmiEventsTest {
    private static final Map<String, Class<? extends AmiEvent>> TYPED = Map.ofEntries(
            entry("ConfbridgeStart", ConfbridgeStartEvent.class),
            entry("ConfbridgeEnd", ConfbridgeEndEvent.class),
            entry("ConfbridgeJoin", ConfbridgeJoinEvent.class),
            entry("ConfbridgeLeave", ConfbridgeLeaveEvent.class),
            entry("ConfbridgeMute", ConfbridgeMuteEvent.class),
            entry("ConfbridgeUnmute", ConfbridgeUnmuteEvent.class),
            entry("ConfbridgeTalking", ConfbridgeTalkingEvent.class),
            entry("ConfbridgeRecord", ConfbridgeRecordEvent.class),
            entry("ConfbridgeStopRecord", ConfbridgeStopRecordEvent.class),
            entry("OriginateResponse", OriginateResponseEvent.class),
            entry("Newchannel", NewchannelEvent.class),
            entry("Newstate", NewstateEvent.class),
            entry("Hangup", HangupEvent.class),
            entry("HangupRequest", HangupRequestEvent.class),
            entry("SoftHangupRequest", SoftHangupRequestEvent.class),
            entry("NewCallerid", NewCalleridEvent.class),
            entry("NewConnectedLine", NewConnectedLineEvent.class),
            entry("Newexten", NewextenEvent.class),
            entry("VarSet", VarSetEvent.class),
            entry("LocalBridge", LocalBridgeEvent.class),
            entry("DialBegin", DialBeginEvent.class),
            entry("DialState", DialStateEvent.class),
            entry("DialEnd", DialEndEvent.class),
            entry("BridgeCreate", BridgeCreateEvent.class),
            entry("BridgeDestroy", BridgeDestroyEvent.class),
            entry("BridgeEnter", BridgeEnterEvent.class),
            entry("BridgeLeave", BridgeLeaveEvent.class),
            entry("DTMFBegin", DTMFBeginEvent.class),
            entry("DTMFEnd", DTMFEndEvent.class),
            entry("FullyBooted", FullyBootedEvent.class),
            entry("Shutdown", ShutdownEvent.class),
            entry("Reload", ReloadEvent.class),
            entry("SuccessfulAuth", SuccessfulAuthEvent.class),
            entry("UserEvent", UserEventEvent.class),
            entry("ConfbridgeList", ConfbridgeListEvent.class),
            entry("ConfbridgeListRooms", ConfbridgeListRoomsEvent.class),
            entry("CoreShowChannel", CoreShowChannelEvent.class),
            entry("BridgeListItem", BridgeListItemEvent.class),
            entry("ChannelHungup", ChannelHungupEvent.class),
            entry("ConfbridgeListComplete", EventListCompleteEvent.class),
            entry("ConfbridgeListRoomsComplete", EventListCompleteEvent.class),
            entry("CoreShowChannelsComplete", EventListCompleteEvent.class),
            entry("BridgeListComplete", EventListCompleteEvent.class),
            entry("ChannelsHungupListComplete", EventListCompleteEvent.class));

    @Test
    void registryHoldsExactlyTheTypedEvents() {
        assertThat(AmiEvents.typedNames()).isEqualTo(
                TYPED.keySet().stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
    }

    @Test
    void everyRecordedEventGetsItsClassAndKeepsEveryHeader() {
        Set<String> seen = new HashSet<>();
        for (String name : Transcripts.tcpNames()) {
            for (AmiMessage m : Transcripts.serverMessages(name)) {
                if (m.type() != MessageType.EVENT) {
                    continue;
                }
                AmiEvent event = AmiEvents.of(m);
                assertThat(event.getClass()).as("%s in %s", m.name(), name)
                        .isEqualTo(TYPED.getOrDefault(m.name(), AmiEvent.class));
                assertThat(event.message()).isSameAs(m);
                assertThat(event.name()).isEqualTo(m.name());
                seen.add(m.name());
            }
        }
        // everything typed was recorded, except the events the recordings never triggered
        Set<String> unrecorded = new HashSet<>(TYPED.keySet());
        unrecorded.removeAll(seen);
        assertThat(unrecorded).containsExactlyInAnyOrder("ConfbridgeTalking", "Reload", "UserEvent");
        assertThat(seen).contains("DeviceStateChange", "NewAccountCode");
    }

    @Test
    void namesAreMatchedCaseInsensitively() {
        assertThat(AmiEvents.of(AmiMessage.of("Event", "confbridgejoin", "Conference", "700")))
                .isInstanceOfSatisfying(ConfbridgeJoinEvent.class, e -> assertThat(e.conference()).isEqualTo("700"));
        assertThat(AmiEvents.of(AmiMessage.of("Event", "HANGUP", "Cause", "16")))
                .isInstanceOfSatisfying(HangupEvent.class, e -> assertThat(e.cause()).isEqualTo(16));
        assertThat(AmiEvents.of(AmiMessage.of("event", "dtmfend", "Digit", "5"))).isInstanceOf(DTMFEndEvent.class);
    }

    @Test
    void unknownEventIsAPlainEventWithAllHeaders() {
        AmiMessage m = first("07", "DeviceStateChange");
        AmiEvent event = AmiEvents.of(m);

        assertThat(event.getClass()).isEqualTo(AmiEvent.class);
        assertThat(event.message()).isSameAs(m);
        assertThat(event.text("Device")).isNotEmpty();
        assertThat(event.get("State")).isPresent();
        assertThat(event.privilege()).isEqualTo("call,all");
        assertThat(event.text("NoSuchHeader")).isEmpty();
        assertThat(event.toString()).startsWith("AmiEvent[Event: DeviceStateChange;");
    }

    @Test
    void aResponseIsNotAnEvent() {
        assertThatThrownBy(() -> AmiEvents.of(AmiMessage.of("Response", "Success")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an event");
    }

    @Test
    void confbridgeJoinReadsChannelBridgeAndMember() {
        ConfbridgeJoinEvent e = (ConfbridgeJoinEvent) AmiEvents.of(first("07", "ConfbridgeJoin"));

        assertThat(e.conference()).isEqualTo("700");
        assertThat(e.channel()).isEqualTo("Local/1001@phones-00000002;1");
        assertThat(e.uniqueid()).isEqualTo("conf700-alice-1");
        assertThat(e.linkedid()).isEqualTo("conf700-alice-1");
        assertThat(e.callerIdNum()).isEqualTo("1001");
        assertThat(e.callerIdName()).isEqualTo("Alice");
        assertThat(e.connectedLineNum()).isEqualTo("1001");
        assertThat(e.accountCode()).isEqualTo("room700");
        assertThat(e.language()).isEqualTo("en");
        assertThat(e.channelState()).isEqualTo(6);
        assertThat(e.channelStateDesc()).isEqualTo("Up");
        assertThat(e.context()).isEqualTo("confbridge");
        assertThat(e.exten()).isEqualTo("700");
        assertThat(e.priority()).isEqualTo(2);
        assertThat(e.admin()).isFalse();
        assertThat(e.muted()).isFalse();
        assertThat(e.bridgeUniqueid()).isEqualTo("18d39870-d89f-406b-a4cf-853e24c42cdf");
        assertThat(e.bridgeCreator()).isEqualTo("ConfBridge");
        assertThat(e.bridgeName()).isEqualTo("700");
        assertThat(e.bridgeNumChannels()).isEqualTo(2);
        assertThat(e.bridgeType()).isEqualTo("base");
        assertThat(e.bridgeTechnology()).isEqualTo("softmix");
        assertThat(e.bridgeVideoSourceMode()).isEqualTo("none");
        assertThat(e.privilege()).isEqualTo("call,all");
    }

    @Test
    void confbridgeMemberAndRoomEvents() {
        ConfbridgeLeaveEvent leave = (ConfbridgeLeaveEvent) AmiEvents.of(first("24", "ConfbridgeLeave"));
        assertThat(leave.conference()).isEqualTo("703");
        assertThat(leave.uniqueid()).isEqualTo("member-1101");
        assertThat(leave.bridgeNumChannels()).isEqualTo(2);

        ConfbridgeMuteEvent mute = (ConfbridgeMuteEvent) AmiEvents.of(first("25", "ConfbridgeMute"));
        assertThat(mute.callerIdName()).isEqualTo("Jack");
        assertThat(mute.admin()).isFalse();

        ConfbridgeRecordEvent record = (ConfbridgeRecordEvent) AmiEvents.of(first("08", "ConfbridgeRecord"));
        assertThat(record.conference()).isEqualTo("700");
        assertThat(record.bridgeNumChannels()).isEqualTo(5);

        ConfbridgeEndEvent end = (ConfbridgeEndEvent) AmiEvents.of(first("19", "ConfbridgeEnd"));
        assertThat(end.conference()).isEqualTo("800");
        assertThat(end).isInstanceOf(BridgeEvent.class).isInstanceOf(ConfbridgeEvent.class);

        ConfbridgeTalkingEvent talking = (ConfbridgeTalkingEvent) AmiEvents.of(AmiMessage.of("Event", "ConfbridgeTalking",
                "Conference", "700", "Channel", "Local/1001@phones-00000002;1", "TalkingStatus", "on", "Admin", "Yes"));
        assertThat(talking.talking()).isTrue();
        assertThat(talking.admin()).isTrue();
        assertThat(talking.conference()).isEqualTo("700");
    }

    @Test
    void eventListItemsAndCompletion() {
        ConfbridgeListEvent member = (ConfbridgeListEvent) AmiEvents.of(first("08", "ConfbridgeList"));
        assertThat(member.actionId()).hasValue("confbridgelist-3");
        assertThat(member.privilege()).isEmpty();
        assertThat(member.conference()).isEqualTo("700");
        assertThat(member.channel()).isEqualTo("Local/1001@phones-00000002;1");
        assertThat(member.uniqueid()).isEqualTo("conf700-alice-1");
        assertThat(member.answeredTime()).isEqualTo(12);
        assertThat(member.admin() || member.markedUser() || member.waitMarked() || member.endMarked()
                || member.endMarkedAny() || member.waiting() || member.muted() || member.talking()).isFalse();

        ConfbridgeListRoomsEvent room = (ConfbridgeListRoomsEvent) AmiEvents.of(first("08", "ConfbridgeListRooms"));
        assertThat(room.conference()).isEqualTo("700");
        assertThat(room.parties()).isEqualTo(3);
        assertThat(room.marked()).isZero();
        assertThat(room.locked()).isFalse();
        assertThat(room.muted()).isFalse();
        assertThat(AmiEvents.of(firstWhere("08", m -> m.isEvent("ConfbridgeListRooms") && m.text("Locked").equals("Yes"))))
                .isInstanceOfSatisfying(ConfbridgeListRoomsEvent.class, r -> assertThat(r.locked()).isTrue());

        CoreShowChannelEvent channel = (CoreShowChannelEvent) AmiEvents.of(first("10", "CoreShowChannel"));
        assertThat(channel.channel()).isEqualTo("Local/1001@phones-00000007;1");
        assertThat(channel.application()).isEqualTo("Dial");
        assertThat(channel.applicationData()).isEqualTo("Local/2002@phones,30");
        assertThat(channel.duration()).isEqualTo("00:00:01");
        assertThat(channel.bridgeId()).isEqualTo("33e368b2-8401-4fe9-aa02-254cdf88388e");

        BridgeListItemEvent bridge = (BridgeListItemEvent) AmiEvents.of(first("10", "BridgeListItem"));
        assertThat(bridge.bridgeName()).isEqualTo("700");
        assertThat(bridge.bridgeNumChannels()).isEqualTo(3);

        ChannelHungupEvent hungup = (ChannelHungupEvent) AmiEvents.of(first("19", "ChannelHungup"));
        assertThat(hungup.channel()).isEqualTo("Local/3019@phones-00000077;1");
        assertThat(hungup.actionId()).hasValue("hangup-52");

        EventListCompleteEvent complete = (EventListCompleteEvent) AmiEvents.of(first("08", "ConfbridgeListComplete"));
        assertThat(complete.listItems()).isEqualTo(3);
        assertThat(complete.text("EventList")).isEqualTo("Complete");
        assertThat(((EventListCompleteEvent) AmiEvents.of(first("19", "ChannelsHungupListComplete"))).listItems())
                .isEqualTo(100);
    }

    @Test
    void channelLifecycleEvents() {
        NewchannelEvent created = (NewchannelEvent) AmiEvents.of(first("07", "Newchannel"));
        assertThat(created.channelState()).isZero();
        assertThat(created.callerIdNum()).isEqualTo("<unknown>");
        assertThat(((NewstateEvent) AmiEvents.of(first("07", "Newstate"))).channelStateDesc()).isEqualTo("Up");
        assertThat(((NewCalleridEvent) AmiEvents.of(first("07", "NewCallerid"))).cidCallingPres())
                .isEqualTo("0 (Presentation Allowed, Not Screened)");
        assertThat(((SoftHangupRequestEvent) AmiEvents.of(first("08", "SoftHangupRequest"))).cause()).isEqualTo(16);
        assertThat(((HangupRequestEvent) AmiEvents.of(first("08", "HangupRequest"))).cause()).isZero();

        HangupEvent hangup = (HangupEvent) AmiEvents.of(first("08", "Hangup"));
        assertThat(hangup.channel()).isEqualTo("Local/1004@phones-00000006;1");
        assertThat(hangup.cause()).isZero();
        assertThat(hangup.causeText()).isEqualTo("Unknown");

        VarSetEvent var = (VarSetEvent) AmiEvents.of(first("07", "VarSet"));
        assertThat(var.variable()).isEqualTo("CONFMGR_ROOM");
        assertThat(var.value()).isEqualTo("700");

        NewextenEvent step = (NewextenEvent) AmiEvents.of(first("07", "Newexten"));
        assertThat(step.extension()).isEqualTo("1001");
        assertThat(step.application()).isEqualTo("AppDial2");
        assertThat(step.appData()).isEqualTo("(Outgoing Line)");
    }

    @Test
    void dialAndLocalEventsExposeTheOtherSnapshot() {
        DialBeginEvent originated = (DialBeginEvent) AmiEvents.of(first("07", "DialBegin"));
        assertThat(originated.channel()).isEmpty();
        assertThat(originated.destChannel()).isEqualTo("Local/1001@phones-00000002;1");
        assertThat(originated.destUniqueid()).isEqualTo("conf700-alice-1");
        assertThat(originated.dialString()).isEqualTo("1001@phones");

        DialBeginEvent bridged = (DialBeginEvent) AmiEvents.of(
                firstWhere("10", m -> m.isEvent("DialBegin") && m.has("Channel")));
        assertThat(bridged.channel()).isNotEmpty().isNotEqualTo(bridged.destChannel());

        assertThat(((DialEndEvent) AmiEvents.of(first("07", "DialEnd"))).dialStatus()).isEqualTo("ANSWER");
        assertThat(((DialStateEvent) AmiEvents.of(first("11", "DialState"))).dialStatus()).isEqualTo("RINGING");

        LocalBridgeEvent local = (LocalBridgeEvent) AmiEvents.of(first("07", "LocalBridge"));
        assertThat(local.localOneChannel()).isEqualTo("Local/1001@phones-00000002;1");
        assertThat(local.localOneUniqueid()).isEqualTo("conf700-alice-1");
        assertThat(local.localTwoChannel()).isEqualTo("Local/1001@phones-00000002;2");
        assertThat(local.localTwoUniqueid()).isEqualTo("conf700-alice-2");
        assertThat(local.context()).isEqualTo("phones");
        assertThat(local.exten()).isEqualTo("1001");
        assertThat(local.localOptimization()).isTrue();

        BridgeLeaveEvent left = (BridgeLeaveEvent) AmiEvents.of(first("10", "BridgeLeave"));
        assertThat(left.bridgeCreator()).isEqualTo("<unknown>");
        assertThat(left.uniqueid()).isEqualTo("1795390231.15");
        assertThat(((BridgeDestroyEvent) AmiEvents.of(first("10", "BridgeDestroy"))).bridgeNumChannels()).isZero();
    }

    @Test
    void originateResponseReadsFailureAndApplicationTargets() {
        OriginateResponseEvent busy = (OriginateResponseEvent) AmiEvents.of(first("11", "OriginateResponse"));
        assertThat(busy.isSuccess()).isFalse();
        assertThat(busy.reason()).isEqualTo(OriginateResponseEvent.REASON_BUSY);
        assertThat(busy.channel()).isEqualTo("Local/8001@phones");
        assertThat(busy.uniqueid()).isEqualTo("<unknown>");
        assertThat(busy.callerIdNum()).isEqualTo("8001");
        assertThat(busy.callerIdName()).isEqualTo("Invitee");
        assertThat(busy.actionId()).hasValue("originate-2");

        OriginateResponseEvent app = (OriginateResponseEvent) AmiEvents.of(
                firstWhere("26", m -> m.isEvent("OriginateResponse") && m.has("Application")));
        assertThat(app.application()).isEqualTo("ConfBridge");
        assertThat(app.data()).isEqualTo("706");
        assertThat(app.context()).isEmpty();
    }

    @Test
    void dtmfAndSystemEvents() {
        DTMFBeginEvent begin = (DTMFBeginEvent) AmiEvents.of(first("25", "DTMFBegin"));
        assertThat(begin.digit()).isEqualTo("5");
        assertThat(begin.direction()).isEqualTo("Received");
        assertThat(begin.channel()).endsWith(";2");
        assertThat(((DTMFEndEvent) AmiEvents.of(first("25", "DTMFEnd"))).durationMs()).isEqualTo(100);

        List<FullyBootedEvent> booted = Transcripts.serverMessages(Transcripts.named("27")).stream()
                .filter(m -> m.isEvent("FullyBooted")).map(m -> (FullyBootedEvent) AmiEvents.of(m)).toList();
        assertThat(booted).extracting(FullyBootedEvent::uptime).containsExactly(120, 0);
        assertThat(booted).extracting(FullyBootedEvent::lastReload).containsExactly(120, 0);
        assertThat(booted).extracting(FullyBootedEvent::status).containsOnly("Fully Booted");

        ShutdownEvent shutdown = (ShutdownEvent) AmiEvents.of(first("27", "Shutdown"));
        assertThat(shutdown.shutdown()).isEqualTo("Cleanly");
        assertThat(shutdown.restart()).isFalse();
        assertThat(shutdown.privilege()).isEqualTo("system,all");

        SuccessfulAuthEvent auth = (SuccessfulAuthEvent) AmiEvents.of(first("07", "SuccessfulAuth"));
        assertThat(auth.service()).isEqualTo("AMI");
        assertThat(auth.accountId()).isEqualTo("admin");
        assertThat(auth.sessionId()).startsWith("0x");
        assertThat(auth.localAddress()).isEqualTo("IPV4/TCP/127.0.0.1/5038");
        assertThat(auth.remoteAddress()).startsWith("IPV4/TCP/127.0.0.1/");
        assertThat(auth.usingPassword()).isFalse();

        ReloadEvent reload = (ReloadEvent) AmiEvents.of(AmiMessage.of("Event", "Reload", "Privilege", "system,all",
                "Module", "app_confbridge.so", "Status", "0"));
        assertThat(reload.module()).isEqualTo("app_confbridge.so");
        assertThat(reload.status()).isZero();

        UserEventEvent user = (UserEventEvent) AmiEvents.of(AmiMessage.of("Event", "UserEvent", "Privilege", "user,all",
                "UserEvent", "RoomChanged", "Room", "700"));
        assertThat(user.userEvent()).isEqualTo("RoomChanged");
        assertThat(user.get("Room")).hasValue("700");
    }

    @Test
    void absentNumbersAreMinusOne() {
        HangupEvent bare = (HangupEvent) AmiEvents.of(AmiMessage.of("Event", "Hangup", "Cause", "sixteen"));

        assertThat(bare.cause()).isEqualTo(-1);
        assertThat(bare.priority()).isEqualTo(-1);
        assertThat(bare.channelState()).isEqualTo(-1);
        assertThat(((BridgeEnterEvent) AmiEvents.of(AmiMessage.of("Event", "BridgeEnter"))).bridgeNumChannels())
                .isEqualTo(-1);
    }

    private static AmiMessage first(String transcript, String event) {
        return firstWhere(transcript, m -> m.isEvent(event));
    }

    private static AmiMessage firstWhere(String transcript, Predicate<AmiMessage> test) {
        return Transcripts.serverMessages(Transcripts.named(transcript)).stream().filter(test).findFirst().orElseThrow();
    }
}
