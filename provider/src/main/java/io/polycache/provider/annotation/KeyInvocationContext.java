package io.polycache.provider.annotation;

import jakarta.interceptor.InvocationContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import javax.cache.annotation.CacheInvocationParameter;
import javax.cache.annotation.CacheKeyInvocationContext;
import javax.cache.annotation.CacheMethodDetails;

/**
 * One intercepted call as resolvers and key generators see it. Cheap to create: the parameter
 * objects are built only when a resolver or generator asks for them.
 */
final class KeyInvocationContext<A extends Annotation> implements CacheKeyInvocationContext<A> {

  private final CacheMethodDetails<A> details;
  private final MethodShape shape;
  private final InvocationContext invocation;
  private final Object[] arguments;

  KeyInvocationContext(CacheMethodDetails<A> details, MethodShape shape,
      InvocationContext invocation) {
    this.details = details;
    this.shape = shape;
    this.invocation = invocation;
    this.arguments = invocation.getParameters();
  }

  /** The argument at {@code position}. */
  Object argument(int position) {
    return arguments[position];
  }

  /** The call's arguments at {@code positions}, in a new array. */
  Object[] arguments(int[] positions) {
    Object[] values = new Object[positions.length];
    for (int i = 0; i < positions.length; i++) {
      values[i] = arguments[positions[i]];
    }
    return values;
  }

  InvocationContext invocation() {
    return invocation;
  }

  @Override
  public Method getMethod() {
    return details.getMethod();
  }

  @Override
  public Set<Annotation> getAnnotations() {
    return details.getAnnotations();
  }

  @Override
  public A getCacheAnnotation() {
    return details.getCacheAnnotation();
  }

  @Override
  public String getCacheName() {
    return details.getCacheName();
  }

  @Override
  public Object getTarget() {
    return invocation.getTarget();
  }

  @Override
  public CacheInvocationParameter[] getAllParameters() {
    List<InvocationParameter.Slot> slots = shape.parameters;
    CacheInvocationParameter[] all = new CacheInvocationParameter[slots.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = new InvocationParameter(slots.get(i), arguments[i]);
    }
    return all;
  }

  @Override
  public CacheInvocationParameter[] getKeyParameters() {
    int[] positions = shape.keyPositions;
    CacheInvocationParameter[] keys = new CacheInvocationParameter[positions.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = new InvocationParameter(shape.parameters.get(positions[i]),
          arguments[positions[i]]);
    }
    return keys;
  }

  @Override
  public CacheInvocationParameter getValueParameter() {
    int position = shape.valuePosition;
    return position < 0 ? null
        : new InvocationParameter(shape.parameters.get(position), arguments[position]);
  }

  /**
   * This context itself or the interceptor's {@link InvocationContext}.
   *
   * @throws IllegalArgumentException for any other class
   */
  @Override
  public <T> T unwrap(Class<T> cls) {
    if (cls.isInstance(this)) {
      return cls.cast(this);
    }
    if (cls.isInstance(invocation)) {
      return cls.cast(invocation);
    }
    throw new IllegalArgumentException("A cache invocation context of " + getMethod()
        + " cannot be unwrapped to " + cls.getName());
  }

  @Override
  public String toString() {
    return "CacheKeyInvocationContext[" + getMethod() + ", cache " + getCacheName() + "]";
  }
}
