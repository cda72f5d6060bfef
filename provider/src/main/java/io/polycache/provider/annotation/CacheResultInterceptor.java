package io.polycache.provider.annotation;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import javax.cache.annotation.CacheResult;

/**
 * The interceptor of {@code @CacheResult}: a hit returns the cached value without running the
 * method; a miss runs it and caches a non-null result (for a method returning a future, the value
 * the future completes with). Enabled for the whole application by its {@code @Priority};
 * {@link PolycacheCdiExtension} registers it, so no {@code beans.xml} entry is needed.
 */
@CacheResult
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public class CacheResultInterceptor extends CacheInterceptorSupport {

  private static final long serialVersionUID = 1L;

  /** Carries out {@code @CacheResult} around {@code invocation}. */
  @AroundInvoke
  public Object cacheResult(InvocationContext invocation) throws Exception {
    return invoke(MethodShape.Kind.RESULT, invocation);
  }
}
