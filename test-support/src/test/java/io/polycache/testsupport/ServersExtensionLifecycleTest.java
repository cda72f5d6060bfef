package io.polycache.testsupport;

import static io.polycache.testsupport.Probes.assertPortRefusesConnections;
import static io.polycache.testsupport.Probes.assertProcessGone;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

class ServersExtensionLifecycleTest {

    @Test
    void extension_closesItsServersWhenTheTestClassFinishes() {
        ProbeTests.SEEN.clear();
        TestExecutionSummary summary = run(ProbeTests.class);

        assertEquals(2, summary.getTestsSucceededCount(), () -> failures(summary));
        assertEquals(2, ProbeTests.SEEN.size());
        for (Object server : ProbeTests.SEEN) {
            if (server instanceof RedisServer redis) {
                assertFalse(redis.isRunning());
                assertProcessGone(redis.pid());
                assertFalse(Files.exists(redis.workDir()));
                assertPortRefusesConnections(redis.port());
            } else {
                MemcachedServer memcached = (MemcachedServer) server;
                assertFalse(memcached.isRunning());
                assertProcessGone(memcached.pid());
                assertFalse(Files.exists(memcached.workDir()));
                assertPortRefusesConnections(memcached.port());
            }
        }
    }

    @Test
    void extension_unannotatedClassGetsNoServers_andUnknownTypesAreNotResolved() {
        TestExecutionSummary summary = run(UnsupportedParameterTests.class);
        assertEquals(1, summary.getTestsFailedCount());
        Throwable failure = summary.getFailures().get(0).getException();
        assertTrue(failure.getMessage().contains("No ParameterResolver registered"), failure.getMessage());
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
                listener);
        return listener.getSummary();
    }

    private static String failures(TestExecutionSummary summary) {
        StringWriter text = new StringWriter();
        summary.printFailuresTo(new PrintWriter(text), 20);
        return text.toString();
    }

    /** Run only through the launcher above; nested classes are not picked up by the build's test scan. */
    @RealServers
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class ProbeTests {

        static final List<Object> SEEN = new CopyOnWriteArrayList<>();

        @Test
        void first(RedisServer redis, MemcachedServer memcached) {
            assertTrue(redis.isRunning());
            assertTrue(memcached.isRunning());
            SEEN.add(redis);
            SEEN.add(memcached);
        }

        @Test
        void second(RedisServer redis) {
            assertTrue(SEEN.contains(redis));
        }
    }

    /** Run only through the launcher above. */
    @RealServers
    static class UnsupportedParameterTests {

        @Test
        void asksForSomethingElse(StringBuilder unsupported) {
            unsupported.append("never reached");
        }
    }
}
