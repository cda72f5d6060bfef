package io.polycache.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the server instance {@link ServersExtension} injects into a parameter. Parameters of the same type and
 * name share one server; a different name gets an independent server. Unannotated parameters use
 * {@value #DEFAULT}.
 *
 * <pre>{@code
 * @Test
 * void replicates(MemcachedServer first, @ServerName("b") MemcachedServer second) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface ServerName {

    /** The name of unannotated parameters' servers. */
    String DEFAULT = "default";

    String value();
}
