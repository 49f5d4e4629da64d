package org.gamebackend.bots.internal;

import io.micrometer.core.instrument.MeterRegistry;
import org.gamebackend.bots.BotPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wiring of the bots module: the roster the engine asks for bots, and its meters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BotsProperties.class)
class BotsConfiguration {

    @Bean
    BotMetrics botMetrics(MeterRegistry registry) {
        return new BotMetrics(registry);
    }

    @Bean
    BotRoster botRoster(ObjectProvider<BotPolicy<?, ?>> policies, BotsProperties props, BotMetrics metrics) {
        return new BotRoster(policies.orderedStream().toList(), props, metrics);
    }
}
