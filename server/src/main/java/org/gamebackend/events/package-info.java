/**
 * Events: the modules' domain events leave the process (to RabbitMQ's {@code game.events} exchange, or straight into
 * the analytics tables in standalone mode) from Spring Modulith's event publication registry, and clients' analytics
 * events come in. docs/events.md describes the wire format and the guarantees. It has no public API of its own.
 */
@org.jspecify.annotations.NullMarked
package org.gamebackend.events;
