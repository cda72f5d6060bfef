package io.polycache.provider.store;

import java.util.List;

/**
 * One page of a cache's keys, as returned by {@link Store#keys(Object, int)}.
 *
 * @param keys the keys of this page, possibly empty even when more pages follow
 * @param next the cursor for the next page, or {@code null} when this was the last page
 * @param <K> the store's key representation
 */
public record KeyPage<K>(List<K> keys, Object next) {

  /** Whether no page follows this one. */
  public boolean isLast() {
    return next == null;
  }
}
