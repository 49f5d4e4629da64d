package org.gamebackend.events.internal.out;

import java.util.Date;
import java.util.List;
import org.gamebackend.events.internal.ConfirmedSends;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.TopicExchange;
import tools.jackson.databind.json.JsonMapper;

/**
 * Connected and cluster modes: publishes to the durable topic exchange (routing key = type) through {@link
 * ConfirmedSends}. Not confirmed in time, nacked, or returned as unroutable — the call throws, so the publication stays
 * in the outbox and goes out again later.
 */
final class RabbitDomainEventSink implements DomainEventSink {

    private final ConfirmedSends sends;
    private final AmqpAdmin admin;
    private final JsonMapper json;
    private final TopicExchange exchange;
    private volatile boolean declared;

    RabbitDomainEventSink(ConfirmedSends sends, AmqpAdmin admin, JsonMapper json, String exchange) {
        this.sends = sends;
        this.admin = admin;
        this.json = json;
        this.exchange = new TopicExchange(exchange, true, false);
    }

    @Override
    public void accept(Envelope e) {
        declare();
        try {
            sends.send(exchange.getName(), e.type(), List.of(message(e)));
        } catch (AmqpException failure) {
            // the broker may have lost the exchange (a nack also comes when the channel closes on a deleted one), or
            // have been down: declare it again next time
            declared = false;
            throw new EventNotConfirmed(e, String.valueOf(failure.getMessage()));
        }
    }

    /** Once per process, and again after a failure (the broker may have lost it, or been down). */
    private void declare() {
        if (!declared) {
            admin.declareExchange(exchange);
            declared = true;
        }
    }

    private Message message(Envelope e) {
        MessageProperties props = new MessageProperties();
        props.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        props.setContentEncoding("utf-8");
        props.setMessageId(e.id().toString());
        props.setType(e.type());
        props.setTimestamp(Date.from(e.occurredAt()));
        props.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        return new Message(json.writeValueAsBytes(e), props);
    }

    /** The broker did not take responsibility for an event. */
    static final class EventNotConfirmed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        EventNotConfirmed(Envelope e, String reason) {
            super("Event " + e.id() + " (" + e.type() + ") " + reason);
        }
    }
}
