package org.gamebackend.events.internal.out;

/** Where a domain event goes once its transaction has committed; one adapter per mode. */
interface DomainEventSink {

    /**
     * Delivers one event, at least once: the same envelope may come again (same id) after a failure or a restart.
     *
     * @throws RuntimeException when the event was not delivered; the publication then stays incomplete and is
     *     resubmitted
     */
    void accept(Envelope e);
}
