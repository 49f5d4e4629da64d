/** Events: domain events out to RabbitMQ and analytics ingestion. */
@org.jspecify.annotations.NullMarked
package org.gamebackend.events;
