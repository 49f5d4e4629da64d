package org.gamebackend.realtime.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.PooledByteBufAllocator;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.gamebackend.realtime.ChannelHandler;
import org.gamebackend.realtime.UserEvents;
import org.gamebackend.realtime.protocol.PhoenixSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/** Wiring of the realtime module: the socket endpoint, its shared parts and the built-in channel handlers. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RealtimeProperties.class)
class RealtimeConfiguration {

    @Bean
    PhoenixSerializer phoenixSerializer(JsonMapper json) {
        return new PhoenixSerializer(json);
    }

    @Bean
    RealtimeMetrics realtimeMetrics(MeterRegistry registry) {
        return new RealtimeMetrics(registry);
    }

    @Bean
    LocalPubSub pubSub(PhoenixSerializer serializer, RealtimeMetrics metrics) {
        return new LocalPubSub(serializer, metrics, PooledByteBufAllocator.DEFAULT);
    }

    @Bean
    LocalPresence presence(LocalPubSub pubSub) {
        return new LocalPresence(pubSub);
    }

    @Bean
    UserChannelHandler userChannelHandler(List<UserEvents> extensions) {
        return new UserChannelHandler(extensions);
    }

    @Bean
    LobbyChannelHandler lobbyChannelHandler(LocalPresence presence, Clock clock) {
        return new LobbyChannelHandler(presence, clock);
    }

    @Bean
    Channels channels(
            List<ChannelHandler> handlers,
            LocalPubSub pubSub,
            LocalPresence presence,
            RealtimeMetrics metrics,
            RealtimeProperties props) {
        return new Channels(new ChannelRouter(handlers), pubSub, presence, metrics, props);
    }

    @Bean
    Sockets sockets(
            PhoenixSerializer serializer, Channels channels, RealtimeMetrics metrics, RealtimeProperties props) {
        return new Sockets(serializer, channels, metrics, props);
    }

    @Bean
    ConnectionLimits connectionLimits(RealtimeProperties props) {
        return new ConnectionLimits(props);
    }

    @Bean
    SimpleUrlHandlerMapping phoenixSocketMapping(
            ReactiveJwtDecoder jwt, ConnectionLimits limits, Sockets sockets, RealtimeProperties props) {
        var endpoint = new PhoenixEndpoint(jwt, limits, sockets, props);
        return new SimpleUrlHandlerMapping(Map.of(PhoenixEndpoint.PATH, endpoint), Ordered.HIGHEST_PRECEDENCE);
    }
}
