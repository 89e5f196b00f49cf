package org.confroom.conference.testsupport;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Every service test: its own PostgreSQL database and a simulated Asterisk. */
public class ConferenceTestProfile implements QuarkusTestProfile {
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(PostgresTestResource.class), new TestResourceEntry(AmiSimTestResource.class));
    }
}
