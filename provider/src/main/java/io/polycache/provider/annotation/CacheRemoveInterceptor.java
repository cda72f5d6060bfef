package io.polycache.provider.annotation;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import javax.cache.annotation.CacheRemove;

/**
 * The interceptor of {@code @CacheRemove}: removes the key of the call. Enabled for the whole
 * application by its {@code @Priority}; {@link PolycacheCdiExtension} registers it, so no
 * {@code beans.xml} entry is needed.
 */
@CacheRemove
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class CacheRemoveInterceptor extends CacheInterceptorSupport {

  private static final long serialVersionUID = 1L;

  /** Carries out {@code @CacheRemove} around {@code invocation}. */
  @AroundInvoke
  public Object cacheRemove(InvocationContext invocation) throws Exception {
    return invoke(MethodShape.Kind.REMOVE, invocation);
  }
}
