package io.polycache.tck;

import io.polycache.provider.annotation.PolycacheCdiExtension;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import javax.cache.annotation.BeanProvider;
import manager.CacheNameOnEachMethodBlogManagerImpl;
import manager.ClassLevelCacheConfigBlogManagerImpl;
import manager.UsingDefaultCacheNameBlogManagerImpl;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Gives the TCK's annotation tests their beans from a Weld SE container, found by the TCK through
 * {@code META-INF/services/javax.cache.annotation.BeanProvider}. The container holds exactly the
 * three {@code manager.*} BlogManager classes and the Polycache extension, which adds the
 * interceptors. Discovery is off: {@code cache-tests.jar} carries a CDI 1.0 {@code beans.xml}
 * under which CDI 4 would not make those classes beans. Weld stops the container at JVM exit.
 *
 * <p>If this constructor throws, the TCK prints "Failed to load BeanProvider SPI impl" and
 * reports the 12 annotation tests as passed; {@link TckAuditTest} fails the build then, since
 * they are no allowed exclusion.
 */
public final class WeldBeanProvider implements BeanProvider {

  private final WeldContainer container;

  public WeldBeanProvider() {
    container = new Weld().disableDiscovery()
        .addExtension(new PolycacheCdiExtension())
        .addBeanClasses(CacheNameOnEachMethodBlogManagerImpl.class,
            ClassLevelCacheConfigBlogManagerImpl.class, UsingDefaultCacheNameBlogManagerImpl.class)
        .initialize();
  }

  @Override
  public <T> T getBeanByType(Class<T> type) {
    BeanManager beans = container.getBeanManager();
    Bean<?> bean = beans.resolve(beans.getBeans(type));
    return type.cast(beans.getReference(bean, type, beans.createCreationalContext(bean)));
  }
}
