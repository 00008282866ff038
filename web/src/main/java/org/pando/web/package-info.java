/**
 * The only package that speaks HTTP: Pando's REST API, the tus upload endpoint, server-sent progress,
 * media files with range requests, the web UI's static pages, the embeddable player ({@code /embed/<video>}, the
 * one page other sites may frame), health, metrics and the OpenAPI document.
 *
 * <p>{@link org.pando.web.PandoServer} builds the Helidon routing from one {@link org.pando.web.Backend}
 * of domain services; each feature registers its own routes ({@code *Routes} classes). Every domain
 * exception becomes an RFC 9457 problem in {@link org.pando.web.Problems}, and nothing else in this package
 * writes an error response. Callers are identified by {@link org.pando.web.Callers}: a bearer token for
 * scripts, or the http-only session cookie plus a CSRF header for the browser. Who may see a video (everyone a
 * published one; its creator and moderators any other) is asked of the catalog in one place,
 * {@link org.pando.web.VisibleVideos}, and by the media files' guard.
 */
package org.pando.web;
