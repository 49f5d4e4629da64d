package org.gamebackend.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.gamebackend.realtime.ChannelContext;
import org.gamebackend.realtime.ChannelHandler;
import org.gamebackend.realtime.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ChannelRouterTests {

    record Handler(String topicPattern) implements ChannelHandler {
        @Override
        public Reply join(ChannelContext channel, JsonNode params) {
            return Reply.ok();
        }
    }

    @Test
    void anExactTopicBeatsAPrefixAndTheLongestPrefixWins() {
        var any = new Handler("match:*");
        var special = new Handler("match:special:*");
        var lobby = new Handler("match:lobby");
        var router = new ChannelRouter(List.of(any, special, lobby));
        assertThat(router.route("match:42")).isSameAs(any);
        assertThat(router.route("match:special:1")).isSameAs(special);
        assertThat(router.route("match:lobby")).isSameAs(lobby);
        assertThat(router.route("match")).isNull();
        assertThat(router.route("user:1")).isNull();
    }

    @Test
    void twoHandlersForOnePatternFailTheStart() {
        assertThatThrownBy(() -> new ChannelRouter(List.of(new Handler("user:*"), new Handler("user:*"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("user:*");
    }
}
