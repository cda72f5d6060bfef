package io.polycache.async;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A function of many arguments at once whose per-argument results are cached (aiocache's
 * {@code multi_cached}); made by {@link CachedFunction.Builder#asyncMulti}. One call costs one
 * {@code getAll}, at most one call of the function (with the missing arguments only) and at
 * most one {@code putAll}.
 *
 * @param <A> the argument type
 * @param <R> the result type
 */
public final class MultiCachedFunction<A, R>
    implements Function<Collection<? extends A>, CompletableFuture<Map<A, R>>> {

  private final Function<Collection<? extends A>, CompletableFuture<Map<A, R>>> call;

  MultiCachedFunction(Function<Collection<? extends A>, CompletableFuture<Map<A, R>>> call) {
    this.call = call;
  }

  /**
   * The results of {@code arguments}, keyed by argument in the order given; arguments with no
   * result are left out. Never throws: failures complete the future exceptionally.
   */
  @Override
  public CompletableFuture<Map<A, R>> apply(Collection<? extends A> arguments) {
    if (arguments == null) {
      return CompletableFuture.failedFuture(new NullPointerException("arguments"));
    }
    return call.apply(arguments);
  }
}
