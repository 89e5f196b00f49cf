package org.confroom.conference.merge;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * What {@link MergeService} answers once the Redirect was accepted: the request id (the
 * {@code merge_request} row) and the outcome to come.
 *
 * @param id the merge request id
 * @param state SENT
 * @param outcome completes with DONE, PARTIAL or FAILED once every leg joined or hung up, at the latest
 *     after {@code confroom.pbx.merge-timeout}; the row is updated before it completes. Completes on a
 *     service thread: do not block it.
 */
public record MergeTicket(UUID id, MergeState state, CompletableFuture<MergeOutcome> outcome) {
}
