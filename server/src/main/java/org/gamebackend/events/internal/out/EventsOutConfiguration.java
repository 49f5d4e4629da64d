package org.gamebackend.events.internal.out;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.gamebackend.events.internal.ConfirmedSends;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableAsync;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wiring of domain events out; the one place that picks the sink: RabbitMQ when there is a connection factory
 * (connected and cluster modes), the analytics table otherwise (standalone).
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableConfigurationProperties(EventsOutProperties.class)
class EventsOutConfiguration {

    @Bean
    DomainEventSink domainEventSink(
            ObjectProvider<ConnectionFactory> rabbit, JdbcClient jdbc, JsonMapper json, EventsOutProperties props) {
        ConnectionFactory connections = rabbit.getIfAvailable();
        if (connections == null) {
            return new LocalDomainEventSink(jdbc, json);
        }
        return new RabbitDomainEventSink(
                new ConfirmedSends(connections, props.confirmTimeout()),
                new RabbitAdmin(connections),
                json,
                props.exchange());
    }

    @Bean
    DomainEventsOut domainEventsOut(
            DomainEventSink sink, Clock clock, MeterRegistry meters, JdbcClient jdbc, EventsOutProperties props) {
        Gauge.builder("events_outbox_backlog", jdbc, EventsOutConfiguration::backlog)
                .description("Domain events recorded but not yet delivered (incomplete publications in the outbox)")
                .register(meters);
        return new DomainEventsOut(sink, clock, meters, props.maxInFlight());
    }

    @Bean
    EventsOutJobs eventsOutJobs(
            IncompleteEventPublications incomplete, CompletedEventPublications completed, EventsOutProperties props) {
        return new EventsOutJobs(incomplete, completed, props.resubmitAfter(), props.keepCompleted());
    }

    static double backlog(JdbcClient jdbc) {
        return jdbc.sql("""
                        select count(*) from event_publication
                        where completion_date is null and listener_id like 'org.gamebackend.events.internal.out.%'""").query(Long.class).single();
    }
}
