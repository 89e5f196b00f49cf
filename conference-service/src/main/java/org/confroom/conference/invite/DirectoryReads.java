package org.confroom.conference.invite;

import org.confroom.conference.invitee.InviteeRole;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Read-only look-ups in tables owned by the directory ({@code contact}, {@code room_invitee}), by
 * native query so that invitations do not depend on the directory's entities.
 */
@ApplicationScoped
public class DirectoryReads {

    /**
     * A room's invitee that is dialled by "dial all invitees".
     *
     * @param contactId the contact
     * @param role the role in the room
     */
    public record AutoDialInvitee(long contactId, InviteeRole role) {
    }

    /** @return the stored number of a contact, if the contact exists */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> contactNumber(long contactId) {
        List<?> rows = Panache.getEntityManager().createNativeQuery("select number from contact where id = ?1")
                .setParameter(1, contactId).getResultList();
        return rows.stream().findFirst().map(Object::toString);
    }

    /** @return the invitees of a room with auto-dial on, moderators first, then in the order they were added */
    @Transactional
    public List<AutoDialInvitee> autoDialInvitees(long roomId) {
        List<?> rows = Panache.getEntityManager().createNativeQuery(
                "select contact_id, role from room_invitee where room_id = ?1 and auto_dial "
                        + "order by (role = 'MODERATOR') desc, created_at, contact_id")
                .setParameter(1, roomId).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new AutoDialInvitee(((Number) r[0]).longValue(), InviteeRole.valueOf(r[1].toString())))
                .toList();
    }
}
