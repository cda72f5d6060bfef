package io.polycache.async;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import javax.cache.CacheException;

/**
 * Runs a plain (blocking) function on the thread that called the cached function, wherever in
 * the asynchronous flow the call turns out to be needed: the flow asks for it, the caller, which
 * is waiting for the flow's result anyway, runs it and hands the result back. A blocking
 * function so never runs on a cache I/O thread nor takes a pool thread.
 */
final class CallerRuns<T, U> implements Function<T, CompletableFuture<U>> {

  private final Thread caller = Thread.currentThread();
  private final Function<? super T, ? extends U> function;
  private final CompletableFuture<T> wanted = new CompletableFuture<>();
  private final CompletableFuture<U> result = new CompletableFuture<>();

  CallerRuns(Function<? super T, ? extends U> function) {
    this.function = function;
  }

  @Override
  public CompletableFuture<U> apply(T input) {
    if (Thread.currentThread() == caller) {
      run(input);
    } else {
      wanted.complete(input);
    }
    return result;
  }

  private void run(T input) {
    try {
      result.complete(function.apply(input));
    } catch (RuntimeException | Error e) {
      result.completeExceptionally(e);
    }
  }

  /**
   * Waits on the caller's thread for {@code outcome}, running the function here if the flow asks
   * for it meanwhile; returns the outcome or throws its failure as it is (unchecked).
   *
   * @throws CacheException when the thread is interrupted (the flag is restored); the flow is
   *     then failed so that nothing waits for a function that will not run
   */
  U await(CompletableFuture<? extends U> outcome) {
    try {
      CompletableFuture.anyOf(outcome, wanted).get();
      if (!outcome.isDone() && wanted.isDone() && !result.isDone()) {
        run(wanted.join());
      }
      return outcome.get();
    } catch (InterruptedException e) {
      result.completeExceptionally(new CancellationException("the caller was interrupted"));
      Thread.currentThread().interrupt();
      throw new CacheException("Interrupted while waiting for a cached function", e);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  static RuntimeException rethrow(Throwable failure) {
    Throwable t = failure;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    throw new CompletionException(t);
  }
}
