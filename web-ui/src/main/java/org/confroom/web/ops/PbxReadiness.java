package org.confroom.web.ops;

import org.confroom.conference.config.ConfroomConfig;
import org.confroom.conference.pbx.PbxConnection;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Readiness: the AMI connection is logged in (DOWN with the reason while it is not). Never shows the secret. */
@Readiness
@ApplicationScoped
public class PbxReadiness implements HealthCheck {
    @Inject
    PbxConnection connection;

    @Inject
    ConfroomConfig config;

    @Override
    public HealthCheckResponse call() {
        PbxConnection.PbxHealth h = connection.health();
        ConfroomConfig.Pbx p = config.pbx();
        HealthCheckResponseBuilder b = HealthCheckResponse.named("AMI connection").status(h.up())
                .withData("state", h.state().name()).withData("host", p.host() + ":" + p.port())
                .withData("user", p.username());
        if (!h.up()) {
            b.withData("detail", h.detail());
        }
        return b.build();
    }
}
