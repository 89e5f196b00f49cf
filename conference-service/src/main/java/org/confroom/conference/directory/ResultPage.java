package org.confroom.conference.directory;

import java.util.List;

/**
 * One page of a longer result.
 *
 * @param <T> item type
 * @param items the items on this page, at most {@code size}
 * @param page page index, from 0
 * @param size page size asked for
 * @param total number of items on all pages
 */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

    /** @return how many pages there are (0 when nothing matched) */
    public long pageCount() {
        return (total + size - 1) / size;
    }

    /** @return true when a page follows this one */
    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
