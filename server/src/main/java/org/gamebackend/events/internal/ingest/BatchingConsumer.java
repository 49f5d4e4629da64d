package org.gamebackend.events.internal.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gamebackend.events.internal.ConfirmedSends;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.BatchMessageListener;
import org.springframework.amqp.core.Message;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.NonTransientDataAccessException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Writes a batch of messages from one queue with one insert. The container acknowledges the batch only after this
 * returns, that is after the commit. A message no retry can fix (not an event, or refused by the database) goes to the
 * dead-letter queue with {@code x-reason}, and the rest of its batch is written.
 *
 * <p>When the database is unreachable (no connection, a transient or recoverable error, a timeout) that is nobody's
 * message's fault: nothing is dead-lettered, the consumer waits — 100 ms after the first failure, doubling up to
 * {@code 5 s} while failures go on — and then throws, so the whole batch is redelivered (stored ids are skipped). The
 * wait keeps a database outage from turning into a hot loop of redeliveries; the first success resets it.
 */
final class BatchingConsumer implements BatchMessageListener {

    private static final Logger log = LoggerFactory.getLogger(BatchingConsumer.class);

    private final String queue;
    private final AnalyticsEvent.Source source;
    private final EventMessages messages;
    private final AnalyticsWriter writer;
    private final ConfirmedSends sends;
    private final String deadLetterQueue;
    private final IngestMetrics metrics;
    private final Sleeper sleeper;
    private final java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();

    static final long FIRST_BACKOFF_MILLIS = 100;
    static final long MAX_BACKOFF_MILLIS = 5_000;

    /** How the consumer waits after a failure; a test records the waits instead. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    BatchingConsumer(
            String queue,
            AnalyticsEvent.Source source,
            EventMessages messages,
            AnalyticsWriter writer,
            ConfirmedSends sends,
            String deadLetterQueue,
            IngestMetrics metrics,
            Sleeper sleeper) {
        this.queue = queue;
        this.source = source;
        this.messages = messages;
        this.writer = writer;
        this.sends = sends;
        this.deadLetterQueue = deadLetterQueue;
        this.metrics = metrics;
        this.sleeper = sleeper;
    }

    @Override
    public void onMessageBatch(List<Message> batch) {
        metrics.consumed(queue, batch.size());
        List<Message> readable = new ArrayList<>(batch.size());
        List<List<AnalyticsEvent>> decoded = new ArrayList<>(batch.size());
        List<Message> dead = new ArrayList<>();
        for (Message message : batch) {
            try {
                decoded.add(messages.decode(message.getBody(), source));
                readable.add(message);
            } catch (EventMessages.Unreadable e) {
                dead.add(deadLetter(message, String.valueOf(e.getMessage())));
            }
        }
        try {
            writeAll(decoded, readable, dead);
        } catch (DataAccessException outage) {
            backOff(outage);
            throw outage;
        }
        failures.set(0);
        if (!dead.isEmpty()) {
            sends.send("", deadLetterQueue, dead);
            dead.forEach(d -> metrics.deadLettered());
            log.warn(
                    "{} of {} messages from {} dead-lettered to {}", dead.size(), batch.size(), queue, deadLetterQueue);
        }
    }

    private void writeAll(List<List<AnalyticsEvent>> decoded, List<Message> readable, List<Message> dead) {
        try {
            writer.write(decoded.stream().flatMap(List::stream).toList());
        } catch (NonTransientDataAccessException e) {
            if (outage(e)) {
                throw e;
            }
            // one bad row fails the statement: write message by message to find it, keep the others
            for (int i = 0; i < decoded.size(); i++) {
                try {
                    writer.write(decoded.get(i));
                } catch (NonTransientDataAccessException refused) {
                    if (outage(refused)) {
                        throw refused;
                    }
                    dead.add(deadLetter(readable.get(i), "refused by the database: " + rootMessage(refused)));
                }
            }
        }
    }

    /**
     * Whether a failure is the database's state rather than the data's: Spring files "cannot get a connection" under
     * non-transient ({@link DataAccessResourceFailureException}), but it passes when the database is back.
     */
    static boolean outage(DataAccessException e) {
        return e instanceof DataAccessResourceFailureException
                || e instanceof TransientDataAccessException
                || e instanceof RecoverableDataAccessException;
    }

    private void backOff(DataAccessException outage) {
        int n = failures.incrementAndGet();
        long wait = Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(n - 1, 16));
        metrics.writeFailed(queue);
        if (n == 1 || n % 10 == 0) {
            log.warn(
                    "cannot write to analytics_events from {} ({} failures in a row; redelivering after {} ms): {}",
                    queue,
                    n,
                    wait,
                    rootMessage(outage));
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Message deadLetter(Message message, String reason) {
        String id = message.getMessageProperties().getMessageId();
        return EventMessages.persistent(
                id == null ? "" : id, message.getBody(), Map.of("x-reason", reason, "x-original-queue", queue));
    }

    private static String rootMessage(DataAccessException e) {
        Throwable root = e.getMostSpecificCause();
        return String.valueOf(root.getMessage());
    }

    @Override
    public void onMessage(Message message) {
        onMessageBatch(List.of(message));
    }
}
