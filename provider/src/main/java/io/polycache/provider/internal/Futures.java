package io.polycache.provider.internal;

import io.polycache.provider.store.StoreException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.cache.CacheException;

/**
 * The bridge from the asynchronous core to the synchronous {@code javax.cache.Cache} API: a
 * bounded wait, and one translation of failures to the spec's exceptions.
 */
public final class Futures {

  private Futures() {}

  /**
   * Waits at most {@code timeoutMillis} for {@code future} and returns its value. A completed
   * future (the memory backend's) costs no wait at all.
   *
   * @throws CacheException on a timeout, an interrupt (the flag is restored) or a store failure;
   *     a runtime exception of the operation itself is rethrown as it is
   */
  public static <T> T await(CompletableFuture<T> future, long timeoutMillis, String cacheName) {
    try {
      if (future.isDone()) {
        return future.join();
      }
      return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (CompletionException | ExecutionException e) {
      throw translate(e.getCause(), cacheName);
    } catch (TimeoutException e) {
      throw new CacheException("Cache " + cacheName + ": the operation did not complete within "
          + timeoutMillis + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CacheException("Cache " + cacheName + ": interrupted while waiting", e);
    } catch (CancellationException e) {
      throw new CacheException("Cache " + cacheName + ": the operation was cancelled", e);
    }
  }

  /** The exception a caller of the JCache API sees for {@code failure}. */
  public static RuntimeException translate(Throwable failure, String cacheName) {
    Throwable t = unwrap(failure);
    if (t instanceof StoreException) {
      return new CacheException("Cache " + cacheName + ": " + t.getMessage(), t);
    }
    if (t instanceof RuntimeException) {
      return (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    return new CacheException("Cache " + cacheName + ": " + t, t);
  }

  /** Strips the {@link CompletionException} wrappers that future stages add. */
  public static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** A future failed with {@code failure}. */
  public static <T> CompletableFuture<T> failed(Throwable failure) {
    return CompletableFuture.failedFuture(failure);
  }
}
