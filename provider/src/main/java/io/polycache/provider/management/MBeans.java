package io.polycache.provider.management;

import io.polycache.provider.internal.Uris;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.regex.Pattern;
import javax.cache.CacheException;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Registers the JCache MBeans on the platform MBean server under the names the JCache TCK and
 * Micrometer's {@code JCacheMetrics} look for:
 * {@code javax.cache:type=CacheStatistics|CacheConfiguration,CacheManager=<uri>,Cache=<name>}.
 * Characters that JMX reads as syntax or patterns become {@code .}, so any URI and cache name
 * give a valid name; for the usual ones this is exactly the TCK's own mapping.
 */
public final class MBeans {

  /** The two kinds of JCache MBean. */
  public enum Type {
    CONFIGURATION("CacheConfiguration"),
    STATISTICS("CacheStatistics");

    private final String objectType;

    Type(String objectType) {
      this.objectType = objectType;
    }
  }

  private static final Pattern UNSAFE = Pattern.compile("[:=,\\n\\r\"*?\\\\]");

  private MBeans() {}

  /**
   * The object name of one cache's MBean. A password in the URI's user info is left out, so it
   * never reaches JMX.
   */
  public static ObjectName name(Type type, URI managerUri, String cacheName) {
    String text = "javax.cache:type=" + type.objectType
        + ",CacheManager=" + safe(Uris.redact(managerUri))
        + ",Cache=" + safe(cacheName);
    try {
      return new ObjectName(text);
    } catch (MalformedObjectNameException e) {
      throw new CacheException("Cache " + cacheName + ": no valid MBean name: " + e.getMessage(), e);
    }
  }

  static String safe(String s) {
    return UNSAFE.matcher(s).replaceAll(".");
  }

  /** Registers {@code bean} unless a bean of that name is already there. */
  public static void register(Object bean, ObjectName name) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      if (!server.isRegistered(name)) {
        server.registerMBean(bean, name);
      }
    } catch (InstanceAlreadyExistsException e) {
      // registered concurrently: the cache's bean is there, which is what was asked
    } catch (Exception e) {
      throw new CacheException("Could not register MBean " + name + ": " + e.getMessage(), e);
    }
  }

  /** Removes the bean of that name if there is one. */
  public static void unregister(ObjectName name) {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    try {
      if (server.isRegistered(name)) {
        server.unregisterMBean(name);
      }
    } catch (InstanceNotFoundException e) {
      // unregistered concurrently
    } catch (Exception e) {
      throw new CacheException("Could not unregister MBean " + name + ": " + e.getMessage(), e);
    }
  }
}
