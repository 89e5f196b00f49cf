package org.confroom.conference.pbx;

import org.confroom.conference.config.ConfroomConfig;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Resolves the {@code pbx} row of the configured PBX (created by the first migration as {@code default}). */
@ApplicationScoped
public class PbxRegistry {
    @Inject
    ConfroomConfig config;

    private volatile Long defaultId;

    /** @return the id of the configured PBX row, creating the row if the name is new */
    @Transactional
    public long defaultPbxId() {
        Long id = defaultId;
        if (id != null) {
            return id;
        }
        String name = config.pbx().name();
        var em = Panache.getEntityManager();
        em.createNativeQuery("insert into pbx (name) values (?1) on conflict (name) do nothing")
                .setParameter(1, name).executeUpdate();
        Number found = (Number) em.createNativeQuery("select id from pbx where name = ?1")
                .setParameter(1, name).getSingleResult();
        defaultId = found.longValue();
        return defaultId;
    }
}
