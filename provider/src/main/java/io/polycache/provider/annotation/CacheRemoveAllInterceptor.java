package io.polycache.provider.annotation;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import javax.cache.annotation.CacheRemoveAll;

/**
 * The interceptor of {@code @CacheRemoveAll}: empties the cache with {@code removeAll()}.
 * Enabled for the whole application by its {@code @Priority}; {@link PolycacheCdiExtension}
 * registers it, so no {@code beans.xml} entry is needed.
 */
@CacheRemoveAll
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class CacheRemoveAllInterceptor extends CacheInterceptorSupport {

  private static final long serialVersionUID = 1L;

  /** Carries out {@code @CacheRemoveAll} around {@code invocation}. */
  @AroundInvoke
  public Object cacheRemoveAll(InvocationContext invocation) throws Exception {
    return invoke(MethodShape.Kind.REMOVE_ALL, invocation);
  }
}
