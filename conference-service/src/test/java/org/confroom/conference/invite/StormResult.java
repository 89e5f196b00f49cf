package org.confroom.conference.invite;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one invite storm did, as seen by the database, the attempt notices and the PBX (the simulator's
 * count of Originates per ChannelId and of originated calls ringing at once).
 *
 * @param plan the storm
 * @param took from the first invite to the last attempt final
 * @param faultsFired the faults that struck, in order
 * @param outcomes final attempts by outcome (ENDED, or the failure reason)
 * @param lost attempts not final when the storm's time was up
 * @param duplicates attempts whose ChannelId reached the PBX in more than one Originate
 * @param neverReached attempts no Originate of which reached the PBX (all must be FAILED LOST)
 * @param outcomeUnknown attempts flagged outcome unknown
 * @param unknownReconciled of those, the ones final at the end
 * @param wrongOutcome attempts whose final state contradicts the dialplan and what reached the PBX
 * @param finalNoticesNot1 attempts without exactly one committed transition to a final state (from the notices)
 * @param updatesAfterFinal committed changes of a final attempt that kept its state (a channel name learned late)
 * @param peakRinging most originated calls ringing at once on the PBX
 * @param peakRingingPerRoom most ringing at once in one room
 * @param handoff dispatcher: claim committed to Originate handed to the AMI client, per Originate
 * @param send dispatcher: building one Originate and handing it to the AMI client, per Originate
 * @param claim dispatcher: the claim transaction, per round that claimed something
 * @param originateOutcomes how the Originates' futures ended (OriginateOutcomes counted during the storm)
 * @param problems descriptions of the first few problems, for the failure message
 */
record StormResult(StormPlan plan, Duration took, List<StormPlan.FaultKind> faultsFired, Map<String, Integer> outcomes,
        int lost, int duplicates, int neverReached, int outcomeUnknown, int unknownReconciled, int wrongOutcome,
        int finalNoticesNot1, long updatesAfterFinal, int peakRinging, int peakRingingPerRoom, LatencyHistogram.Snapshot handoff,
        LatencyHistogram.Snapshot send, LatencyHistogram.Snapshot claim, Map<OriginateOutcomes.Outcome, Long> originateOutcomes, List<String> problems) {

    int attempts() {
        return plan.invites().size();
    }
}
