package org.gamebackend.engine;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Test listener: the {@link MatchFinished} events whose transaction committed (how ranking will hear of them). */
@Component
public class MatchEventsRecorder {

    private final Queue<MatchFinished> finished = new ConcurrentLinkedQueue<>();

    /** A method, not the field: the bean may be a proxy. */
    public Queue<MatchFinished> finished() {
        return finished;
    }

    @TransactionalEventListener
    public void on(MatchFinished event) {
        finished.add(event);
    }
}
