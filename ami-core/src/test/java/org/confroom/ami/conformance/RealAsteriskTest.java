package org.confroom.ami.conformance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;

/**
 * Test tier 5: the conformance suite against a real Asterisk 22 configured as in
 * {@code docs/ami-transcripts/README.md}. Selected by {@code AMI_HOST}, {@code AMI_PORT},
 * {@code AMI_USER} and {@code AMI_SECRET}; skipped (reported as such) when they are unset.
 */
class RealAsteriskTest extends AmiConformanceSuite {
    @BeforeEach
    void requireAsterisk() {
        assumeTrue(System.getenv("AMI_HOST") != null && System.getenv("AMI_SECRET") != null,
                "real Asterisk tier: set AMI_HOST, AMI_PORT, AMI_USER, AMI_SECRET to run it");
    }

    @Override
    protected String host() {
        return System.getenv("AMI_HOST");
    }

    @Override
    protected int port() {
        String p = System.getenv("AMI_PORT");
        return p == null || p.isBlank() ? 5038 : Integer.parseInt(p.trim());
    }

    @Override
    protected String user() {
        String u = System.getenv("AMI_USER");
        return u == null || u.isBlank() ? "admin" : u;
    }

    @Override
    protected String secret() {
        return System.getenv("AMI_SECRET");
    }
}
