package org.confroom.ami.action;

/**
 * {@code MailboxCount}: the numbers of urgent, new and old messages in a voicemail box.
 *
 * @param mailbox the box, for example {@code 1001@default}
 */
public record MailboxCount(String mailbox) implements AmiAction {
    /** Checks the mailbox. */
    public MailboxCount {
        Require.nonEmpty(mailbox, "mailbox");
    }

    @Override
    public String name() {
        return "MailboxCount";
    }

    @Override
    public void writeHeaders(HeaderWriter out) {
        out.add("Mailbox", mailbox);
    }
}
