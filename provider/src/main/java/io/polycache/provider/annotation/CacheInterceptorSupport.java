package io.polycache.provider.annotation;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;
import java.io.Serializable;

/**
 * What the four interceptors share: the container's {@link CachingInvoker}, found through the
 * {@link PolycacheCdiExtension} instance of the bean manager. Interceptors are
 * {@link Serializable} so that beans of passivating scopes (session, conversation) may use the
 * annotations; they hold the bean manager, a passivation-capable dependency, and find the
 * invoker again after deserialization.
 */
abstract class CacheInterceptorSupport implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject
  @SuppressWarnings("serial")
  private BeanManager beanManager;

  private transient CachingInvoker invoker;

  final Object invoke(MethodShape.Kind kind, InvocationContext invocation) throws Exception {
    CachingInvoker known = invoker;
    if (known == null) {
      known = beanManager.getExtension(PolycacheCdiExtension.class).invoker(beanManager);
      invoker = known;
    }
    return known.invoke(kind, invocation);
  }
}
