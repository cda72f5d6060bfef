package io.polycache.provider.annotation;

import java.lang.annotation.Annotation;
import java.util.Set;
import javax.cache.annotation.CacheInvocationParameter;

/** One argument of one intercepted call, as key generators and resolvers see it. */
record InvocationParameter(Slot slot, Object value) implements CacheInvocationParameter {

  /** The static part of a parameter: its declared type, annotations and 0-based position. */
  record Slot(Class<?> rawType, Set<Annotation> annotations, int position) {}

  @Override
  public Class<?> getRawType() {
    return slot.rawType();
  }

  @Override
  public Object getValue() {
    return value;
  }

  @Override
  public Set<Annotation> getAnnotations() {
    return slot.annotations();
  }

  @Override
  public int getParameterPosition() {
    return slot.position();
  }
}
