package io.polycache.provider.annotation;

import java.util.List;

/**
 * The include/exclude rule the specification gives for {@code cachedExceptions} /
 * {@code nonCachedExceptions}, {@code cacheFor} / {@code noCacheFor} and {@code evictFor} /
 * {@code noEvictFor}: with both lists empty the answer is {@code whenBothEmpty}; with only an
 * include list, a throwable must be an instance of one of its classes; with only an exclude list,
 * of none of them; with both, of an included class and of no excluded class.
 */
record ExceptionFilter(List<Class<? extends Throwable>> included,
    List<Class<? extends Throwable>> excluded, boolean whenBothEmpty) {

  static ExceptionFilter of(Class<? extends Throwable>[] included,
      Class<? extends Throwable>[] excluded, boolean whenBothEmpty) {
    return new ExceptionFilter(List.of(included), List.of(excluded), whenBothEmpty);
  }

  boolean matches(Throwable failure) {
    if (included.isEmpty() && excluded.isEmpty()) {
      return whenBothEmpty;
    }
    boolean in = included.isEmpty() || isInstanceOfAny(failure, included);
    return in && !isInstanceOfAny(failure, excluded);
  }

  private static boolean isInstanceOfAny(Throwable failure,
      List<Class<? extends Throwable>> types) {
    for (Class<? extends Throwable> type : types) {
      if (type.isInstance(failure)) {
        return true;
      }
    }
    return false;
  }
}
