package io.polycache.testsupport;

import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects real servers into parameters of type {@link RedisServer}, {@link MemcachedServer} and
 * {@link RedisCluster} of test methods, test constructors and lifecycle methods ({@code @BeforeAll},
 * {@code @BeforeEach}, ...).
 *
 * <p>A server is started the first time a parameter asks for it and is then shared by the whole top-level test
 * class, including its {@code @Nested} classes. It lives in the store of that class's extension context, so
 * JUnit closes it (stopping the process and deleting its directory) when the class has finished. Every
 * injection makes sure the server is running: a server a previous test stopped is restarted on its port, and a
 * cluster with stopped nodes is restarted and awaited until healthy.
 *
 * <p>Parameters annotated with {@link ServerName} get an independent server per name, so a test can use two
 * memcached servers. Use it with {@code @ExtendWith(ServersExtension.class)} or {@link RealServers @RealServers}.
 */
public final class ServersExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ServersExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == RedisServer.class || type == MemcachedServer.class || type == RedisCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        String name = parameterContext.findAnnotation(ServerName.class).map(ServerName::value).orElse(ServerName.DEFAULT);
        if (name.isBlank()) {
            throw new ParameterResolutionException("@ServerName must not be blank on " + parameterContext.getParameter());
        }
        ExtensionContext.Store store = sharingContext(extensionContext).getStore(NAMESPACE);
        if (type == RedisServer.class) {
            RedisServer redis = shared(store, RedisServer.class, name, RedisServer::new);
            redis.start();
            return redis;
        }
        if (type == MemcachedServer.class) {
            MemcachedServer memcached = shared(store, MemcachedServer.class, name, MemcachedServer::new);
            memcached.start();
            return memcached;
        }
        if (type == RedisCluster.class) {
            RedisCluster cluster = shared(store, RedisCluster.class, name, RedisCluster::new);
            cluster.start();
            return cluster;
        }
        throw new ParameterResolutionException("cannot inject " + type.getName());
    }

    /**
     * The server kept under {@code type} and {@code name}, created (but not started) if there is none yet.
     * Creating does not start a process, so nothing can fail inside the store's computation.
     */
    private static <T extends AutoCloseable> T shared(ExtensionContext.Store store, Class<T> type, String name,
            Supplier<T> factory) {
        return store.getOrComputeIfAbsent(type.getName() + "/" + name, key -> factory.get(), type);
    }

    /** The context of the outermost test class above {@code context}. */
    private static ExtensionContext sharingContext(ExtensionContext context) {
        ExtensionContext sharing = null;
        for (Optional<ExtensionContext> current = Optional.of(context); current.isPresent();
                current = current.get().getParent()) {
            if (current.get().getElement().filter(Class.class::isInstance).isPresent()) {
                sharing = current.get();
            }
        }
        if (sharing == null) {
            throw new ParameterResolutionException("servers can only be injected inside a test class");
        }
        return sharing;
    }
}
