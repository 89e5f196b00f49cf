package org.confroom.ami.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.confroom.ami.codec.AmiMessage;
import org.confroom.ami.event.AmiEvent;

/**
 * The successful answer to an action: the response message and, for event-list actions
 * ({@code EventList: start}), the list items in order and the closing {@code ...Complete} event.
 */
public final class AmiResponse {
    private final AmiMessage message;
    private final List<AmiEvent> items;
    private final AmiEvent completion;

    /**
     * @param message the response message
     * @param items the event-list items (empty for a plain response)
     * @param completion the {@code ...Complete} event of an event list, or null for a plain response
     */
    public AmiResponse(AmiMessage message, List<AmiEvent> items, AmiEvent completion) {
        this.message = Objects.requireNonNull(message, "message");
        this.items = List.copyOf(items);
        this.completion = completion;
    }

    /** @return the response message as received */
    public AmiMessage message() {
        return message;
    }

    /** @return the {@code Response:} status: Success, Error, Follows, Goodbye */
    public String status() {
        return message.name();
    }

    /** @return true for {@code Response: Success} (and {@code Follows}, {@code Goodbye}) */
    public boolean isSuccess() {
        return !message.name().equalsIgnoreCase("Error");
    }

    /** @return the {@code Message:} header, or the empty string */
    public String text() {
        return message.text("Message");
    }

    /** @return the value of a header of the response */
    public Optional<String> get(String key) {
        return message.get(key);
    }

    /** @return the event-list items in arrival order (empty for a plain response) */
    public List<AmiEvent> items() {
        return items;
    }

    /** @return the items of one typed class, in order */
    public <T extends AmiEvent> List<T> items(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (AmiEvent e : items) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    /** @return true when the response started an event list */
    public boolean isEventList() {
        return completion != null;
    }

    /** @return the closing event of an event list ({@code EventList: Complete}) */
    public Optional<AmiEvent> completion() {
        return Optional.ofNullable(completion);
    }

    /** @return command output lines (Asterisk 22 {@code Output:} headers or an old Follows block) */
    public List<String> outputLines() {
        return message.outputLines();
    }

    @Override
    public String toString() {
        return "AmiResponse[" + status() + " " + text() + (completion == null ? "" : ", " + items.size() + " items") + "]";
    }
}
