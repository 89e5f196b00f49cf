package org.confroom.ami.sim;

/**
 * What the simulator's AMI TCP sessions received, checked byte by byte before decoding. A client that
 * encodes correctly ends every line with CRLF and never sends NUL, so a bare CR, a bare LF or a NUL
 * can only come from a header value that smuggled one in (the injection of transcripts 17 and 18).
 *
 * @param bytes bytes received
 * @param actions actions decoded
 * @param nulBytes NUL bytes
 * @param bareCr CR bytes not followed by LF
 * @param bareLf LF bytes not preceded by CR
 * @param malformed blocks the decoder could not read as an action
 * @param firstAnomaly the received text around the first anomaly (escaped), empty when none
 */
public record WireStats(long bytes, long actions, long nulBytes, long bareCr, long bareLf, long malformed,
        String firstAnomaly) {

    /** @return true when nothing but well-framed actions arrived */
    public boolean clean() {
        return nulBytes == 0 && bareCr == 0 && bareLf == 0 && malformed == 0;
    }
}
