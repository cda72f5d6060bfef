package io.polycache.provider.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.provider.configuration.PolycacheConfiguration;
import java.lang.management.ManagementFactory;
import java.net.URI;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JCache MBeans get valid object names for any manager URI and cache name. */
class MBeanNamesTest {

  private static final URI WEIRD_URI = URI.create("memory:weird?a=b,c*d");

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private CacheManager manager;

  @AfterEach
  void closeManager() {
    if (manager != null) {
      manager.close();
    }
  }

  private Cache<String, String> managedCache(URI uri, String name) {
    manager = Caching.getCachingProvider().getCacheManager(uri,
        MBeanNamesTest.class.getClassLoader());
    PolycacheConfiguration<String, String> configuration = new PolycacheConfiguration<>();
    configuration.setStatisticsEnabled(true);
    configuration.setManagementEnabled(true);
    return manager.createCache(name, configuration);
  }

  @Test
  void name_defaultManager_isTheTckName() throws Exception {
    ObjectName name = MBeans.name(MBeans.Type.STATISTICS, URI.create("memory:default"), "c1");

    assertEquals("javax.cache:type=CacheStatistics,CacheManager=memory.default,Cache=c1",
        name.toString());
    assertEquals(new ObjectName("javax.cache:type=CacheStatistics,CacheManager=memory.default,"
        + "Cache=c1"), name);
  }

  @Test
  void name_configurationType_isTheTckName() {
    ObjectName name = MBeans.name(MBeans.Type.CONFIGURATION, URI.create("memory:default"), "c1");

    assertEquals("javax.cache:type=CacheConfiguration,CacheManager=memory.default,Cache=c1",
        name.toString());
  }

  @Test
  void name_jmxSyntaxInUriAndCacheName_isAValidNonPatternName() {
    ObjectName name = MBeans.name(MBeans.Type.STATISTICS, WEIRD_URI, "x:y");

    assertFalse(name.isPattern());
    assertEquals("CacheStatistics", name.getKeyProperty("type"));
    assertEquals("memory.weird.a.b.c.d", name.getKeyProperty("CacheManager"));
    assertEquals("x.y", name.getKeyProperty("Cache"));
  }

  @Test
  void createCache_weirdUriAndCacheName_registersWorkingMBeans() throws Exception {
    Cache<String, String> cache = managedCache(WEIRD_URI, "x:y");
    ObjectName statistics = MBeans.name(MBeans.Type.STATISTICS, WEIRD_URI, "x:y");
    ObjectName configuration = MBeans.name(MBeans.Type.CONFIGURATION, WEIRD_URI, "x:y");

    cache.put("k", "v");

    assertTrue(server.isRegistered(statistics), statistics + " is not registered");
    assertTrue(server.isRegistered(configuration), configuration + " is not registered");
    assertEquals(1L, server.getAttribute(statistics, "CachePuts"));
    assertEquals(true, server.getAttribute(configuration, "StatisticsEnabled"));
    assertEquals(WEIRD_URI, manager.getURI());
  }

  @Test
  void cacheClose_unregistersBothMBeans() {
    Cache<String, String> cache = managedCache(WEIRD_URI, "x:y");
    ObjectName statistics = MBeans.name(MBeans.Type.STATISTICS, WEIRD_URI, "x:y");
    ObjectName configuration = MBeans.name(MBeans.Type.CONFIGURATION, WEIRD_URI, "x:y");

    cache.close();

    assertFalse(server.isRegistered(statistics));
    assertFalse(server.isRegistered(configuration));
  }
}
