/**
 * What every Pando module shares and nothing more: the base of the domain's unchecked exceptions and
 * the random identifiers given to accounts, channels, videos and uploads.
 *
 * <p>A {@link org.pando.domain.DomainException} carries a message written for the person who caused it
 * and a {@link org.pando.domain.DomainException.Reason}; the web module turns the reason into an HTTP
 * status in one place, so no domain module knows about HTTP.
 */
package org.pando.domain;
