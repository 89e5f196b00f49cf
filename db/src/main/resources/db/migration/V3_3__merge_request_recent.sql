-- The live-calls page and GET /api/merges list the latest merge requests of all rooms.
create index merge_request_created on merge_request (created_at desc);
