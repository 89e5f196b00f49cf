package org.confroom.web.testsupport;

import java.util.List;

import org.confroom.conference.testsupport.AmiSimTestResource;
import org.confroom.conference.testsupport.PostgresTestResource;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Every web test: its own PostgreSQL database and a simulated Asterisk (the conference-service test resources). */
public class WebTestProfile implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresTestResource.class), new TestResourceEntry(AmiSimTestResource.class));
    }
}
