package org.confroom.web.api;

import java.util.List;
import java.util.function.Function;

import org.confroom.conference.directory.ResultPage;

/**
 * One page of a longer result in the API.
 *
 * @param items this page's items
 * @param page page index from 0
 * @param size page size asked for
 * @param total items on all pages
 * @param pageCount number of pages
 */
public record ApiPage<T>(List<T> items, int page, int size, long total, long pageCount) {
    /** @return the service's page with every item mapped to its DTO */
    public static <E, T> ApiPage<T> of(ResultPage<E> r, Function<E, T> map) {
        return new ApiPage<>(r.items().stream().map(map).toList(), r.page(), r.size(), r.total(), r.pageCount());
    }
}
