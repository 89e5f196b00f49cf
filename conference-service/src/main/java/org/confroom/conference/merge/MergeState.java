package org.confroom.conference.merge;

/**
 * The state of a merge (or pull) request, as stored in {@code merge_request.state}.
 *
 * <pre>
 *   REQUESTED --Redirect answered Success (or outcome unknown)--&gt; SENT
 *   REQUESTED --Redirect refused / not sent--&gt; FAILED (Asterisk's message)
 *   SENT --every leg has its ConfbridgeJoin in the room--&gt; DONE
 *   SENT --some legs joined, others hung up or timed out--&gt; PARTIAL
 *   SENT --no leg joined (hung up, e.g. locked room, or timed out)--&gt; FAILED
 * </pre>
 *
 * SENT ends as soon as every leg has either joined or hung up, at the latest after
 * {@code confroom.pbx.merge-timeout}. {@code Dual Redirect successful} alone proves nothing (transcript 23).
 */
public enum MergeState {
    /** Row written, Redirect not answered yet. */
    REQUESTED,
    /** Redirect accepted by Asterisk (or its outcome unknown); waiting for the joins. */
    SENT,
    /** Every leg joined the room. */
    DONE,
    /** Some legs joined, the others did not. */
    PARTIAL,
    /** No leg joined, or Asterisk refused the Redirect. */
    FAILED;

    /** @return true for DONE, PARTIAL and FAILED */
    public boolean finished() {
        return this == DONE || this == PARTIAL || this == FAILED;
    }
}
