-- Directory: deleting a contact checks (and the foreign keys re-check) the rows that refer to it.
-- Without these indexes each check reads all invitations and the whole call history.
create index room_invitee_contact on room_invitee (contact_id);
create index call_attempt_contact on call_attempt (contact_id) where contact_id is not null;
