package org.gamebackend.events.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.ReturnedMessage;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The one way the events module hands messages to RabbitMQ — domain events to the exchange, client batches to the
 * ingest queue, dead letters: mandatory, with correlated publisher confirms, and answered only once the broker confirmed
 * every message (it has them on disk, or routed them). A nack, a return (nothing to route it to), a failed send or no
 * confirm within the timeout throws {@link NotConfirmed}, an {@link AmqpException}; the caller keeps the messages
 * (in the outbox, in the request, on the consumer's unacknowledged batch) and decides.
 */
public final class ConfirmedSends {

    private final RabbitTemplate template;
    private final Duration timeout;

    /** {@code connections} must have correlated publisher confirms and returns (checked). */
    public ConfirmedSends(ConnectionFactory connections, Duration timeout) {
        if (!connections.isPublisherConfirms() || !connections.isPublisherReturns()) {
            throw new IllegalStateException("The events module needs spring.rabbitmq.publisher-confirm-type=correlated"
                    + " and spring.rabbitmq.publisher-returns=true");
        }
        // its own template: mandatory, without changing the application's shared one
        this.template = new RabbitTemplate(connections);
        this.template.setMandatory(true);
        this.timeout = timeout;
    }

    /** Sends every message, then waits for all their confirms (one shared deadline). */
    public void send(String exchange, String routingKey, List<Message> messages) {
        List<CorrelationData> pending = new ArrayList<>(messages.size());
        for (Message message : messages) {
            CorrelationData correlation = new CorrelationData();
            template.send(exchange, routingKey, message, correlation);
            pending.add(correlation);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (CorrelationData correlation : pending) {
            CorrelationData.Confirm confirm = await(correlation, deadline);
            if (!confirm.ack()) {
                throw new NotConfirmed("nacked by the broker: " + confirm.reason());
            }
            ReturnedMessage returned = correlation.getReturned();
            if (returned != null) {
                throw new NotConfirmed("unroutable (nothing bound for it): " + returned.getReplyText());
            }
        }
    }

    private CorrelationData.Confirm await(CorrelationData correlation, long deadline) {
        try {
            return correlation.getFuture().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new NotConfirmed("no confirm within " + timeout);
        } catch (ExecutionException e) {
            throw new NotConfirmed("sending failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotConfirmed("interrupted while waiting for the confirm");
        }
    }

    /** The broker did not take responsibility for a message. */
    public static final class NotConfirmed extends AmqpException {

        private static final long serialVersionUID = 1L;

        NotConfirmed(String reason) {
            super(reason);
        }
    }
}
