-- Call attempts, part 2: each attempt names the PBX that dials it (the dispatcher of that PBX takes it),
-- and click-to-call attempts (kind CLICK_TO_CALL) belong to no room: they connect `number` to `connect_to`.

alter table call_attempt add column pbx_id bigint references pbx (id);
update call_attempt a set pbx_id = r.pbx_id from room r where r.id = a.room_id;
alter table call_attempt alter column pbx_id set not null;

alter table call_attempt alter column room_id drop not null;
alter table call_attempt add constraint call_attempt_room_iff_invite check ((kind = 'INVITE') = (room_id is not null));
alter table call_attempt add constraint call_attempt_connect_to_iff_click_to_call
    check ((kind = 'CLICK_TO_CALL') = (connect_to is not null));

-- the partial index on (room_id, number) does not see rows without a room: one active call per pair of numbers
create unique index call_attempt_one_active_call_per_pair
    on call_attempt (number, connect_to) where kind = 'CLICK_TO_CALL' and state in ('QUEUED', 'DIALING', 'ANSWERED', 'JOINED');

-- the dispatcher counts what is dialling on its PBX and takes what is queued there
create index call_attempt_pbx_live on call_attempt (pbx_id, state) where state in ('QUEUED', 'DIALING', 'ANSWERED', 'JOINED');

-- the cooldown looks up the last attempt that dialled a number as first or as second party
create index call_attempt_connect_to_recent on call_attempt (connect_to, queued_at desc) where connect_to is not null;
