package org.confroom.conference.invite;

import java.util.UUID;

/**
 * CDI event fired when an attempt was queued; observed after the commit to wake the dispatcher.
 *
 * @param attemptId the new attempt
 * @param pbxId its PBX
 */
public record AttemptQueued(UUID attemptId, long pbxId) {
}
