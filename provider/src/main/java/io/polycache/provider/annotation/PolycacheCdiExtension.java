package io.polycache.provider.annotation;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.Interceptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.cache.CacheException;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CachePut;
import javax.cache.annotation.CacheRemove;
import javax.cache.annotation.CacheRemoveAll;
import javax.cache.annotation.CacheResult;

/**
 * Makes the JSR-107 annotations ({@code javax.cache.annotation}) work in a Jakarta CDI 4
 * container. Found by the container through {@code META-INF/services}, so putting
 * {@code polycache-provider} on the class path is all an application does.
 *
 * <ul>
 *   <li>{@code @CacheResult}, {@code @CachePut}, {@code @CacheRemove} and {@code @CacheRemoveAll}
 *       carry no {@code @InterceptorBinding} (the specification avoided a Java EE dependency),
 *       so they are declared interceptor bindings here, with every member non-binding: their
 *       own {@code javax.enterprise.util.Nonbinding} marks are invisible to a {@code jakarta}
 *       container, and a binding with binding array members is a deployment error.
 *   <li>The four interceptors are added as types of this extension, whatever the discovery
 *       mode; a second copy the container also discovers (a bean archive that scans this jar,
 *       a {@code Weld.addBeanClasses}) is vetoed, so each runs once per call. They are enabled
 *       by {@code @Priority(Interceptor.Priority.LIBRARY_BEFORE)}.
 *   <li>Annotated methods are checked as their types are discovered (one cache annotation per
 *       method, one {@code @CacheValue} on a {@code @CachePut} method and none elsewhere, a
 *       future type a {@code @CacheResult} can cache), so a misuse fails the deployment with a
 *       message naming the method.
 * </ul>
 */
public class PolycacheCdiExtension implements Extension {

  static final List<Class<?>> INTERCEPTORS = List.of(CacheResultInterceptor.class,
      CachePutInterceptor.class, CacheRemoveInterceptor.class, CacheRemoveAllInterceptor.class);

  private final Set<Class<?>> interceptorTypes = ConcurrentHashMap.newKeySet();
  private final Queue<CacheException> misuses = new ConcurrentLinkedQueue<>();
  private volatile CachingInvoker invoker;

  void registerBindingsAndInterceptors(@Observes BeforeBeanDiscovery event) {
    for (Class<? extends Annotation> binding : MethodShape.CACHE_ANNOTATIONS) {
      event.configureInterceptorBinding(binding).methods()
          .forEach(member -> member.add(Nonbinding.Literal.INSTANCE));
    }
    for (Class<?> interceptor : INTERCEPTORS) {
      event.addAnnotatedType(interceptor,
          PolycacheCdiExtension.class.getName() + "." + interceptor.getSimpleName());
    }
  }

  /**
   * Keeps the first of the types of an interceptor class and vetoes any other: the one added
   * above and one the container discovered arrive as equal events (Weld fires a plain
   * {@code ProcessAnnotatedType} for both), and either copy serves.
   */
  <T> void vetoSecondCopies(
      @Observes @WithAnnotations(Interceptor.class) ProcessAnnotatedType<T> event) {
    Class<T> type = event.getAnnotatedType().getJavaClass();
    if (INTERCEPTORS.contains(type) && !interceptorTypes.add(type)) {
      event.veto();
    }
  }

  <T> void checkAnnotatedMethods(@Observes @WithAnnotations({CacheResult.class, CachePut.class,
      CacheRemove.class, CacheRemoveAll.class, CacheDefaults.class})
      ProcessAnnotatedType<T> event) {
    Class<T> type = event.getAnnotatedType().getJavaClass();
    if (INTERCEPTORS.contains(type) || type.isInterface()) {
      return;
    }
    for (AnnotatedMethod<? super T> annotated : event.getAnnotatedType().getMethods()) {
      Method method = annotated.getJavaMember();
      int modifiers = method.getModifiers();
      if (Modifier.isStatic(modifiers) || Modifier.isPrivate(modifiers)
          || method.getDeclaringClass() == Object.class) {
        continue;
      }
      try {
        MethodShape.of(method, type);
      } catch (CacheException misuse) {
        misuses.add(misuse);
      }
    }
  }

  void reportMisuses(@Observes AfterBeanDiscovery event) {
    misuses.forEach(event::addDefinitionError);
    misuses.clear();
  }

  /** The invoker of this container, created on the first intercepted call. */
  CachingInvoker invoker(BeanManager beanManager) {
    CachingInvoker known = invoker;
    if (known == null) {
      synchronized (this) {
        known = invoker;
        if (known == null) {
          known = new CachingInvoker(new Components(beanManager));
          invoker = known;
        }
      }
    }
    return known;
  }
}
