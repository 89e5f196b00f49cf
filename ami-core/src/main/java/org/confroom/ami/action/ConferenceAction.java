package org.confroom.ami.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A ConfBridge action on one conference: writes {@code Conference}, then the headers of its
 * subclass. Asterisk answers {@code No Conference by that name found.} for an unknown conference
 * (transcript 09). Two actions are equal when they are of the same class and write the same headers.
 */
public abstract sealed class ConferenceAction implements AmiAction
        permits ConfbridgeList, ConfbridgeLock, ConfbridgeUnlock, ConfbridgeStartRecord, ConfbridgeStopRecord,
                ConferenceMemberAction {
    private final String name;
    private final String conference;

    ConferenceAction(String name, String conference) {
        this.name = name;
        this.conference = Require.nonEmpty(conference, "conference");
    }

    @Override
    public final String name() {
        return name;
    }

    /** @return the conference name, for example {@code 700} */
    public final String conference() {
        return conference;
    }

    @Override
    public void writeHeaders(HeaderWriter out) {
        out.add("Conference", conference);
    }

    private List<Map.Entry<String, String>> headers() {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        writeHeaders(new HeaderWriter() {
            @Override
            public HeaderWriter add(String key, String value) {
                headers.add(Map.entry(key, value));
                return this;
            }
        });
        return headers;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((ConferenceAction) o).headers().equals(headers());
    }

    @Override
    public final int hashCode() {
        return 31 * name.hashCode() + headers().hashCode();
    }

    @Override
    public final String toString() {
        return name + headers();
    }
}
