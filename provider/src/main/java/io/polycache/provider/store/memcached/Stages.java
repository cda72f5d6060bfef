package io.polycache.provider.store.memcached;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Future chaining that keeps failures unwrapped: a stage fails with the store's own exception,
 * not a {@link CompletionException} around it, and every step runs on the thread that completed
 * the previous one (an I/O thread; the steps only decode bytes or send the next operation).
 */
final class Stages {

  private Stages() {}

  /** {@code next} applied to the result of {@code stage}. */
  static <T, U> CompletableFuture<U> then(CompletableFuture<T> stage,
      Function<? super T, CompletableFuture<U>> next) {
    CompletableFuture<U> result = new CompletableFuture<>();
    stage.whenComplete((value, failure) -> {
      if (failure != null) {
        result.completeExceptionally(unwrap(failure));
        return;
      }
      CompletableFuture<U> following;
      try {
        following = next.apply(value);
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      relay(following, result);
    });
    return result;
  }

  /** {@code mapping} applied to the result of {@code stage}; what it throws fails the stage. */
  static <T, U> CompletableFuture<U> map(CompletableFuture<T> stage,
      Function<? super T, ? extends U> mapping) {
    CompletableFuture<U> result = new CompletableFuture<>();
    stage.whenComplete((value, failure) -> {
      if (failure != null) {
        result.completeExceptionally(unwrap(failure));
        return;
      }
      try {
        result.complete(mapping.apply(value));
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  /** The results of {@code stages} in order; fails with the first failure. */
  static <T> CompletableFuture<List<T>> all(List<CompletableFuture<T>> stages) {
    int n = stages.size();
    if (n == 0) {
      return CompletableFuture.completedFuture(List.of());
    }
    List<T> results = new ArrayList<>(Collections.nCopies(n, null));
    AtomicInteger left = new AtomicInteger(n);
    CompletableFuture<List<T>> result = new CompletableFuture<>();
    for (int i = 0; i < n; i++) {
      int index = i;
      stages.get(i).whenComplete((value, failure) -> {
        if (failure != null) {
          result.completeExceptionally(unwrap(failure));
          return;
        }
        synchronized (results) {
          results.set(index, value);
        }
        if (left.decrementAndGet() == 0) {
          synchronized (results) {
            result.complete(results);
          }
        }
      });
    }
    return result;
  }

  /** Completes {@code target} as {@code source} completes. */
  static <T> void relay(CompletableFuture<T> source, CompletableFuture<T> target) {
    source.whenComplete((value, failure) -> {
      if (failure != null) {
        target.completeExceptionally(unwrap(failure));
      } else {
        target.complete(value);
      }
    });
  }

  static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
  }

  static <T> CompletableFuture<T> failed(Throwable failure) {
    return CompletableFuture.failedFuture(failure);
  }
}
