package org.gamebackend.events.internal.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.BatchMessageListener;
import org.springframework.amqp.core.Message;
import org.springframework.dao.NonTransientDataAccessException;

/**
 * Writes a batch of messages from one queue with one insert. The container acknowledges the batch only after this
 * returns, that is after the commit; if the database is down this throws and the whole batch is redelivered (stored
 * ids are skipped). A message no retry can fix (not an event, or refused by the database) goes to the dead-letter queue
 * with {@code x-reason}, and the rest of its batch is written.
 */
final class BatchingConsumer implements BatchMessageListener {

    private static final Logger log = LoggerFactory.getLogger(BatchingConsumer.class);

    private final String queue;
    private final AnalyticsEvent.Source source;
    private final EventMessages messages;
    private final AnalyticsWriter writer;
    private final ConfirmedPublisher publisher;
    private final String deadLetterQueue;
    private final IngestMetrics metrics;

    BatchingConsumer(
            String queue,
            AnalyticsEvent.Source source,
            EventMessages messages,
            AnalyticsWriter writer,
            ConfirmedPublisher publisher,
            String deadLetterQueue,
            IngestMetrics metrics) {
        this.queue = queue;
        this.source = source;
        this.messages = messages;
        this.writer = writer;
        this.publisher = publisher;
        this.deadLetterQueue = deadLetterQueue;
        this.metrics = metrics;
    }

    @Override
    public void onMessageBatch(List<Message> batch) {
        metrics.consumed(queue, batch.size());
        List<Message> readable = new ArrayList<>(batch.size());
        List<List<AnalyticsEvent>> decoded = new ArrayList<>(batch.size());
        List<ConfirmedPublisher.Outgoing> dead = new ArrayList<>();
        for (Message message : batch) {
            try {
                decoded.add(messages.decode(message.getBody(), source));
                readable.add(message);
            } catch (EventMessages.Unreadable e) {
                dead.add(deadLetter(message, String.valueOf(e.getMessage())));
            }
        }
        try {
            writer.write(decoded.stream().flatMap(List::stream).toList());
        } catch (NonTransientDataAccessException e) {
            // one bad row fails the statement: write message by message to find it, keep the others
            for (int i = 0; i < decoded.size(); i++) {
                try {
                    writer.write(decoded.get(i));
                } catch (NonTransientDataAccessException refused) {
                    dead.add(deadLetter(readable.get(i), "refused by the database: " + rootMessage(refused)));
                }
            }
        }
        if (!dead.isEmpty()) {
            publisher.publish(deadLetterQueue, dead);
            dead.forEach(d -> metrics.deadLettered());
            log.warn(
                    "{} of {} messages from {} dead-lettered to {}", dead.size(), batch.size(), queue, deadLetterQueue);
        }
    }

    private ConfirmedPublisher.Outgoing deadLetter(Message message, String reason) {
        String id = message.getMessageProperties().getMessageId();
        return new ConfirmedPublisher.Outgoing(
                id == null ? "" : id, message.getBody(), Map.of("x-reason", reason, "x-original-queue", queue));
    }

    private static String rootMessage(NonTransientDataAccessException e) {
        Throwable root = e.getMostSpecificCause();
        return String.valueOf(root.getMessage());
    }

    @Override
    public void onMessage(Message message) {
        onMessageBatch(List.of(message));
    }
}
