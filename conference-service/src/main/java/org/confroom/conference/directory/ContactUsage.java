package org.confroom.conference.directory;

import java.util.List;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Where a contact is referred to: room invitations and the call history. Read with plain SQL so the
 * directory does not depend on the packages that own those tables.
 */
@ApplicationScoped
public class ContactUsage {

    /** @return the active and archived rooms the contact is invited to, as {@code 4100 'Board'}, by room number */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> invitedRooms(long contactId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("select r.number, r.name from room_invitee i join room r on r.id = i.room_id"
                        + " where i.contact_id = ?1 order by r.number")
                .setParameter(1, contactId).getResultList();
        return rows.stream().map(r -> r[0] + " '" + r[1] + "'").toList();
    }

    /** @return how many call attempts (any state) name the contact */
    @Transactional(Transactional.TxType.MANDATORY)
    public long callAttempts(long contactId) {
        Number n = (Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from call_attempt where contact_id = ?1")
                .setParameter(1, contactId).getSingleResult();
        return n.longValue();
    }
}
