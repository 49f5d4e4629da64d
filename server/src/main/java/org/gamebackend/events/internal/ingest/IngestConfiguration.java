package org.gamebackend.events.internal.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.gamebackend.events.internal.ConfirmedSends;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client analytics ingestion's wiring; the one place that picks the sink and the consumers by mode: with a {@link
 * RabbitTemplate} (connected) events go through the ingest queue to the batching consumers, without one (standalone)
 * they are written in the request.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class IngestConfiguration {

    @Bean
    IngestMetrics ingestMetrics(MeterRegistry meters) {
        return new IngestMetrics(meters);
    }

    @Bean
    AnalyticsWriter analyticsWriter(JdbcTemplate jdbc, IngestMetrics metrics) {
        return new AnalyticsWriter(jdbc, metrics);
    }

    @Bean
    EventMessages eventMessages(JsonMapper json) {
        return new EventMessages(json);
    }

    @Bean
    IngestSink ingestSink(
            ObjectProvider<RabbitTemplate> rabbit,
            AnalyticsWriter writer,
            EventMessages messages,
            IngestProperties props,
            IngestMetrics metrics) {
        RabbitTemplate template = rabbit.getIfAvailable();
        return template == null
                ? new DirectIngestSink(writer)
                : new RabbitIngestSink(
                        new ConfirmedSends(template.getConnectionFactory(), props.confirmTimeout()),
                        messages,
                        props.queue(),
                        props.fallbackToDatabase() ? writer : null,
                        metrics);
    }

    @Bean
    IngestService ingestService(
            IngestProperties props, JsonMapper json, Clock clock, IngestSink sink, IngestMetrics metrics) {
        return new IngestService(new ClientEvents(props, json, clock), new IngestRateLimit(props), sink, metrics);
    }

    /** The {@code telemetry} socket topic; blocking work on virtual threads. */
    @Bean
    TelemetryChannel telemetryChannel(IngestService ingest) {
        return new TelemetryChannel(ingest, java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    }

    /** Declared by the broker admin on each connection in connected mode; inert in standalone mode. */
    @Bean
    Declarables ingestQueues(IngestProperties props) {
        Queue ingest = QueueBuilder.durable(props.queue()).build();
        Queue analytics = QueueBuilder.durable(props.analyticsQueue()).build();
        Queue dead = QueueBuilder.durable(props.deadLetterQueue()).build();
        TopicExchange exchange = new TopicExchange(props.eventsExchange(), true, false);
        return new Declarables(
                ingest,
                analytics,
                dead,
                exchange,
                BindingBuilder.bind(analytics).to(exchange).with("#"));
    }

    @Bean
    IngestConsumers ingestConsumers(
            ObjectProvider<RabbitTemplate> rabbit,
            ObjectProvider<AmqpAdmin> admin,
            EventMessages messages,
            AnalyticsWriter writer,
            IngestMetrics metrics,
            MeterRegistry meters,
            IngestProperties props) {
        RabbitTemplate template = rabbit.getIfAvailable();
        if (template == null) {
            return IngestConsumers.none();
        }
        ConfirmedSends sends = new ConfirmedSends(template.getConnectionFactory(), props.confirmTimeout());
        List<String> queues = List.of(props.queue(), props.analyticsQueue());
        List<BatchingConsumer> consumers = List.of(AnalyticsEvent.Source.CLIENT, AnalyticsEvent.Source.DOMAIN).stream()
                .map(source -> new BatchingConsumer(
                        source == AnalyticsEvent.Source.CLIENT ? props.queue() : props.analyticsQueue(),
                        source,
                        messages,
                        writer,
                        sends,
                        props.deadLetterQueue(),
                        metrics,
                        Thread::sleep))
                .toList();
        AmqpAdmin amqp = admin.getIfAvailable();
        if (amqp != null) {
            for (String queue : queues) {
                Gauge.builder("events_queue_depth", amqp, a -> depth(a, queue))
                        .description("Messages waiting in an ingest queue (consumer lag)")
                        .tag("queue", queue)
                        .register(meters);
            }
        }
        return IngestConsumers.of(template.getConnectionFactory(), props, consumers, queues);
    }

    private static double depth(AmqpAdmin admin, String queue) {
        try {
            Properties info = admin.getQueueProperties(queue);
            Object count = info == null ? null : info.get(RabbitAdmin.QUEUE_MESSAGE_COUNT);
            return count instanceof Number n ? n.doubleValue() : Double.NaN;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
