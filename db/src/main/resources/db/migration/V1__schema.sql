-- confroom schema, version 1. Constraints live here, not only in the code.
-- Times are timestamptz. Live channel state stays in memory; history is kept here.

-- One row per PBX. Connection settings and secrets come from configuration, not from this table.
create table pbx (
    id          bigint generated always as identity primary key,
    name        text        not null unique check (name ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    created_at  timestamptz not null default now()
);
insert into pbx (name) values ('default');

create table room (
    id             bigint generated always as identity primary key,
    pbx_id         bigint      not null references pbx (id),
    number         text        not null check (number ~ '^[0-9]{1,20}$'),   -- the ConfBridge conference name and extension
    name           text        not null check (length(btrim(name)) between 1 and 200),
    bridge_profile text        not null default 'default_bridge' check (bridge_profile ~ '^[A-Za-z0-9_-]{1,64}$'),
    user_profile   text        not null default 'default_user'   check (user_profile ~ '^[A-Za-z0-9_-]{1,64}$'),
    max_members    integer     check (max_members between 2 and 1000),
    caller_id_name text        check (length(caller_id_name) <= 80),
    caller_id_num  text        check (caller_id_num ~ '^\+?[0-9]{1,20}$'),
    pin            text        check (pin ~ '^[0-9]{4,12}$'),
    archived_at    timestamptz,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    version        integer     not null default 0,
    constraint room_number_unique_per_pbx unique (pbx_id, number)
);

-- A phone number is E.164 (+ and 7 to 15 digits) or an internal extension of the PBX (2 to 8 digits).
create table contact (
    id          bigint generated always as identity primary key,
    name        text        not null check (length(btrim(name)) between 1 and 200),
    number      text        not null check (number ~ '^(\+[1-9][0-9]{6,14}|[0-9]{2,8})$'),
    email       text        check (email ~ '^[^@\s]+@[^@\s]+$'),
    notes       text        check (length(notes) <= 2000),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     integer     not null default 0,
    constraint contact_number_unique unique (number)
);

create table room_invitee (
    room_id     bigint      not null references room (id),
    contact_id  bigint      not null references contact (id),
    role        text        not null default 'PARTICIPANT' check (role in ('MODERATOR', 'PARTICIPANT')),
    auto_dial   boolean     not null default true,
    created_at  timestamptz not null default now(),
    primary key (room_id, contact_id)
);

create table app_user (
    id             bigint generated always as identity primary key,
    username       text        not null check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    password_hash  text        not null,
    role           text        not null check (role in ('ADMIN', 'OPERATOR', 'VIEWER')),
    enabled        boolean     not null default true,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint app_user_username_unique unique (username)
);

-- One dial attempt. id is the AMI ChannelId (Uniqueid of the ;1 channel), so an attempt whose
-- outcome became unknown can be found on the PBX again.
create table call_attempt (
    id                 uuid        primary key,
    room_id            bigint      not null references room (id),
    contact_id         bigint      references contact (id),
    number             text        not null check (number ~ '^(\+[1-9][0-9]{6,14}|[0-9]{2,8})$'),
    role               text        not null default 'PARTICIPANT' check (role in ('MODERATOR', 'PARTICIPANT')),
    priority           integer     not null default 100,           -- lower dials first: moderators before participants
    kind               text        not null default 'INVITE' check (kind in ('INVITE', 'CLICK_TO_CALL')),
    connect_to         text        check (connect_to ~ '^(\+[1-9][0-9]{6,14}|[0-9]{2,8})$'),  -- click-to-call: second number
    state              text        not null check (state in ('QUEUED', 'DIALING', 'ANSWERED', 'JOINED', 'ENDED', 'FAILED')),
    failure_reason     text        check (failure_reason in ('BUSY', 'CONGESTION', 'NO_ANSWER', 'NO_ROUTE', 'POLICY',
                                                             'CANCELLED', 'REJECTED', 'ERROR', 'LOST')),
    failure_detail     text,
    attempt_no         integer     not null default 1 check (attempt_no >= 1),
    retry_of           uuid        references call_attempt (id),
    not_before         timestamptz not null default now(),          -- a retry waits until then
    dial_string        text,
    action_id          text,
    channel            text,
    outcome_unknown    boolean     not null default false,          -- sent, then the AMI connection was lost
    requested_by       text        not null,
    queued_at          timestamptz not null default now(),
    dialing_at         timestamptz,
    answered_at        timestamptz,
    joined_at          timestamptz,
    ended_at           timestamptz,
    failed_at          timestamptz,
    version            integer     not null default 0,
    constraint call_attempt_failure_has_reason check ((state = 'FAILED') = (failure_reason is not null))
);
-- a double click or two operators can never dial one number into one room twice
create unique index call_attempt_one_active_per_room_number
    on call_attempt (room_id, number) where state in ('QUEUED', 'DIALING', 'ANSWERED', 'JOINED');
create index call_attempt_queue on call_attempt (priority, queued_at) where state = 'QUEUED';
create index call_attempt_room on call_attempt (room_id, queued_at desc);
create index call_attempt_number_recent on call_attempt (number, queued_at desc);

create table merge_request (
    id              uuid        primary key,
    room_id         bigint      not null references room (id),
    channel_a       text        not null,
    channel_b       text,                                           -- null: pull a single channel
    state           text        not null check (state in ('REQUESTED', 'SENT', 'DONE', 'PARTIAL', 'FAILED')),
    detail          text,
    requested_by    text        not null,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    finished_at     timestamptz
);
create index merge_request_room on merge_request (room_id, created_at desc);

create table audit_event (
    id          bigint generated always as identity primary key,
    at          timestamptz not null default now(),
    actor       text        not null,
    action      text        not null,
    room_id     bigint      references room (id),
    target      text,
    outcome     text        not null check (outcome in ('OK', 'REFUSED', 'FAILED')),
    details     jsonb       not null default '{}'::jsonb
);
create index audit_event_at on audit_event (at desc);
create index audit_event_room on audit_event (room_id, at desc);
create index audit_event_actor on audit_event (actor, at desc);
