package io.polycache.provider.annotation;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import javax.cache.annotation.CachePut;

/**
 * The interceptor of {@code @CachePut}: stores the {@code @CacheValue} argument under the key of
 * the call. Enabled for the whole application by its {@code @Priority};
 * {@link PolycacheCdiExtension} registers it, so no {@code beans.xml} entry is needed.
 */
@CachePut
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class CachePutInterceptor extends CacheInterceptorSupport {

  private static final long serialVersionUID = 1L;

  /** Carries out {@code @CachePut} around {@code invocation}. */
  @AroundInvoke
  public Object cachePut(InvocationContext invocation) throws Exception {
    return invoke(MethodShape.Kind.PUT, invocation);
  }
}
