package org.gamebackend.events.internal.ingest;

import com.rabbitmq.client.AMQP;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes persistent messages to a queue on one channel in confirm mode and returns only when the broker has
 * confirmed all of them (it has them on disk); throws {@link org.springframework.amqp.AmqpException} otherwise.
 */
final class ConfirmedPublisher {

    /** One message: its body and headers. */
    record Outgoing(String messageId, byte[] body, Map<String, Object> headers) {}

    private final RabbitTemplate rabbit;
    private final Duration timeout;

    ConfirmedPublisher(RabbitTemplate rabbit, Duration timeout) {
        this.rabbit = rabbit;
        this.timeout = timeout;
    }

    void publish(String queue, List<Outgoing> messages) {
        rabbit.execute(channel -> {
            channel.confirmSelect();
            for (Outgoing message : messages) {
                AMQP.BasicProperties props = new AMQP.BasicProperties.Builder()
                        .contentType("application/json")
                        .deliveryMode(2)
                        .messageId(message.messageId())
                        .headers(message.headers())
                        .build();
                channel.basicPublish("", queue, props, message.body());
            }
            channel.waitForConfirmsOrDie(timeout.toMillis());
            return messages.size();
        });
    }
}
