/**
 * Domain events out: one listener per domain event records a publication in the producer's transaction (the outbox)
 * and hands an {@link org.gamebackend.events.internal.out.Envelope} to the mode's {@link
 * org.gamebackend.events.internal.out.DomainEventSink}.
 */
@org.jspecify.annotations.NullMarked
package org.gamebackend.events.internal.out;
