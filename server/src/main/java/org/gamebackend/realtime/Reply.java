package org.gamebackend.realtime;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * A handler's answer to a join or an event: {@code phx_reply} with status {@code ok} or {@code error} and a response,
 * or no reply at all. A {@code byte[]} response goes out as a V2 binary reply; anything else is JSON-encoded.
 */
public sealed interface Reply {

    record Ok(Object response) implements Reply {}

    record Failure(Object response) implements Reply {}

    /** Phoenix's {@code {:noreply, socket}}: the client's push gets no answer. */
    record None() implements Reply {}

    /**
     * An answer that comes later (for example once a match tick has applied an input): the reply is written, on the
     * socket's event loop, when the stage completes. A stage that fails counts as a crash of the channel.
     */
    record Later(CompletionStage<? extends Reply> reply) implements Reply {}

    static Reply later(CompletionStage<? extends Reply> reply) {
        return new Later(reply);
    }

    static Reply ok() {
        return new Ok(Map.of());
    }

    static Reply ok(Object response) {
        return new Ok(response);
    }

    /** An error reply {@code {"reason": reason}}, the shape Phoenix's own errors use. */
    static Reply error(String reason) {
        return new Failure(Map.of("reason", reason));
    }

    static Reply none() {
        return new None();
    }
}
