/**
 * Polycache's extension API beside the standard {@code javax.cache} one. Depends on
 * {@code cache-api} only: applications compile against it, the provider binds at run time.
 */
package io.polycache.async;
