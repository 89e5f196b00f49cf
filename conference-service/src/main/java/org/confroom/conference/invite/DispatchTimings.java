package org.confroom.conference.invite;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How long the dispatcher itself takes, always on (one atomic increment per measurement): from the commit
 * of a claim to each claimed attempt's Originate being handed to the AMI client's writer (encoding, the
 * in-flight entry, the queue; the Originates of one claim are handed over one after the other, so the
 * n-th includes the n-1 before it; each one's own share is counted apart), and the claim transaction of each round that claimed something
 * (advisory lock, counting, the locked select, the updates, the commit). The PBX's time is in neither.
 */
@ApplicationScoped
public class DispatchTimings {
    private final LatencyHistogram handoff = new LatencyHistogram();
    private final LatencyHistogram send = new LatencyHistogram();
    private final LatencyHistogram claim = new LatencyHistogram();

    void handedOver(long nanosSinceClaim) {
        handoff.record(nanosSinceClaim);
    }

    void sent(long sendNanos) {
        send.record(sendNanos);
    }

    void claimed(long claimNanos) {
        claim.record(claimNanos);
    }

    /** @return claim committed to Originate handed to the AMI client, per Originate */
    public LatencyHistogram.Snapshot handoff() {
        return handoff.snapshot();
    }

    /** @return building one Originate and handing it to the AMI client, per Originate (without the ones before it) */
    public LatencyHistogram.Snapshot send() {
        return send.snapshot();
    }

    /** @return the claim transaction, per round that claimed at least one attempt */
    public LatencyHistogram.Snapshot claim() {
        return claim.snapshot();
    }
}
