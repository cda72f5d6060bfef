package io.polycache.provider.annotation;

import java.lang.annotation.Annotation;
import javax.cache.annotation.CacheInvocationParameter;
import javax.cache.annotation.CacheKeyGenerator;
import javax.cache.annotation.CacheKeyInvocationContext;
import javax.cache.annotation.GeneratedCacheKey;

/**
 * The key generator used when neither the annotation nor {@code @CacheDefaults} names one and the
 * application declares no {@link CacheKeyGenerator} bean: a {@link DefaultGeneratedCacheKey} of
 * the values of {@link CacheKeyInvocationContext#getKeyParameters()}, that is the parameters
 * marked {@code @CacheKey}, or when none is marked every parameter except the
 * {@code @CacheValue} one.
 *
 * <p>Stateless and thread-safe.
 */
public final class DefaultCacheKeyGenerator implements CacheKeyGenerator {

  @Override
  public GeneratedCacheKey generateCacheKey(
      CacheKeyInvocationContext<? extends Annotation> context) {
    CacheInvocationParameter[] parameters = context.getKeyParameters();
    Object[] values = new Object[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      values[i] = parameters[i].getValue();
    }
    return DefaultGeneratedCacheKey.owning(values);
  }
}
