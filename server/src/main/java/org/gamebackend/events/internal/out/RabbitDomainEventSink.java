package org.gamebackend.events.internal.out;

import java.time.Duration;
import java.util.Date;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.ReturnedMessage;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Connected and cluster modes: publishes to the durable topic exchange (routing key = type) and waits for the broker's
 * publisher confirm. Not confirmed in time, nacked, or returned as unroutable (mandatory) — the call throws, so the
 * publication stays in the outbox and goes out again later.
 */
final class RabbitDomainEventSink implements DomainEventSink {

    private final RabbitTemplate template;
    private final AmqpAdmin admin;
    private final JsonMapper json;
    private final TopicExchange exchange;
    private final Duration confirmTimeout;
    private volatile boolean declared;

    /** {@code template} must be mandatory and its connection factory must have correlated confirms and returns. */
    RabbitDomainEventSink(
            RabbitTemplate template, AmqpAdmin admin, JsonMapper json, String exchange, Duration confirmTimeout) {
        this.template = template;
        this.admin = admin;
        this.json = json;
        this.exchange = new TopicExchange(exchange, true, false);
        this.confirmTimeout = confirmTimeout;
    }

    @Override
    public void accept(Envelope e) {
        declare();
        CorrelationData correlation = new CorrelationData(e.id().toString());
        template.send(exchange.getName(), e.type(), message(e), correlation);
        CorrelationData.Confirm confirm = awaitConfirm(e, correlation);
        if (!confirm.ack()) {
            // a nack also comes when the channel closes, e.g. on an exchange deleted under us: declare it again
            declared = false;
            throw new EventNotConfirmed(e, "nacked by the broker: " + confirm.reason());
        }
        ReturnedMessage returned = correlation.getReturned();
        if (returned != null) {
            throw new EventNotConfirmed(e, "unroutable (no queue bound for it): " + returned.getReplyText());
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

    private CorrelationData.Confirm awaitConfirm(Envelope e, CorrelationData correlation) {
        try {
            return correlation.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException timeout) {
            declared = false;
            throw new EventNotConfirmed(e, "no confirm within " + confirmTimeout);
        } catch (ExecutionException failure) {
            declared = false;
            throw new EventNotConfirmed(e, "publishing failed: " + failure.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new EventNotConfirmed(e, "interrupted while waiting for the confirm");
        }
    }

    /** The broker did not take responsibility for an event. */
    static final class EventNotConfirmed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        EventNotConfirmed(Envelope e, String reason) {
            super("Event " + e.id() + " (" + e.type() + ") " + reason);
        }
    }
}
