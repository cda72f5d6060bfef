package io.polycache.provider.annotation;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import javax.cache.CacheException;
import javax.cache.annotation.CacheDefaults;
import javax.cache.annotation.CacheKeyGenerator;
import javax.cache.annotation.CacheResolverFactory;

/**
 * Finds the {@link CacheResolverFactory} and {@link CacheKeyGenerator} of a method. A class named
 * by the annotation, else by {@code @CacheDefaults}, is used as a CDI bean when it is one, else
 * created with its public no-argument constructor. With no class named, a CDI bean of the
 * interface type is used when the application declares one, else the built-in default. Each
 * class yields one instance per container, shared by every method that names it.
 */
final class Components {

  private final BeanManager beanManager;
  private final ConcurrentMap<Class<?>, Object> instances = new ConcurrentHashMap<>();
  private final DefaultCacheResolverFactory defaultResolverFactory =
      new DefaultCacheResolverFactory();
  private final DefaultCacheKeyGenerator defaultKeyGenerator = new DefaultCacheKeyGenerator();

  /** @param beanManager where application beans are looked up; null to use none */
  Components(BeanManager beanManager) {
    this.beanManager = beanManager;
  }

  CacheResolverFactory resolverFactory(Class<? extends CacheResolverFactory> named,
      CacheDefaults defaults) {
    Class<? extends CacheResolverFactory> chosen = named != CacheResolverFactory.class ? named
        : defaults != null ? defaults.cacheResolverFactory() : CacheResolverFactory.class;
    return component(CacheResolverFactory.class, chosen, () -> defaultResolverFactory);
  }

  CacheKeyGenerator keyGenerator(Class<? extends CacheKeyGenerator> named,
      CacheDefaults defaults) {
    Class<? extends CacheKeyGenerator> chosen = named != CacheKeyGenerator.class ? named
        : defaults != null ? defaults.cacheKeyGenerator() : CacheKeyGenerator.class;
    return component(CacheKeyGenerator.class, chosen, () -> defaultKeyGenerator);
  }

  /** Whether {@code generator} is the built-in one, whose keys can be built without it. */
  boolean isDefault(CacheKeyGenerator generator) {
    return generator == defaultKeyGenerator;
  }

  private <T> T component(Class<T> spi, Class<? extends T> chosen, Supplier<T> builtIn) {
    Object known = instances.get(chosen);
    if (known != null) {
      return spi.cast(known);
    }
    T created;
    if (chosen == spi) {
      T bean = bean(spi);
      created = bean != null ? bean : builtIn.get();
    } else {
      T bean = bean(chosen);
      created = bean != null ? bean : construct(chosen);
    }
    Object raced = instances.putIfAbsent(chosen, created);
    return raced == null ? created : spi.cast(raced);
  }

  private <T> T bean(Class<T> type) {
    if (beanManager == null) {
      return null;
    }
    Set<Bean<?>> beans = beanManager.getBeans(type);
    if (beans.isEmpty()) {
      return null;
    }
    Bean<?> bean;
    try {
      bean = beanManager.resolve(beans);
    } catch (AmbiguousResolutionException e) {
      throw new CacheException("Several CDI beans of type " + type.getName()
          + " could serve the cache annotations: " + beans + "; keep one, or make one an"
          + " enabled @Alternative", e);
    }
    CreationalContext<?> context = beanManager.createCreationalContext(bean);
    return type.cast(beanManager.getReference(bean, type, context));
  }

  private static <T> T construct(Class<T> type) {
    try {
      return type.getConstructor().newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new CacheException("Cannot create " + type.getName() + " for the cache"
          + " annotations: it is not a CDI bean and has no public no-argument constructor that"
          + " works (" + e + ")", e);
    }
  }
}
