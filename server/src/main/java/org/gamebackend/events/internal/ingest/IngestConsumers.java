package org.gamebackend.events.internal.ingest;

import java.util.List;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.context.SmartLifecycle;

/**
 * The listener containers of the batching consumers (connected mode; none in standalone): per queue, {@code
 * concurrency} consumers each holding up to {@code prefetch} messages and handing batches of up to {@code batch-size}
 * — or whatever arrived within {@code receive-timeout} — to a {@link BatchingConsumer}.
 */
final class IngestConsumers implements SmartLifecycle {

    static final long RECOVERY_MILLIS = 1_000;

    private final List<SimpleMessageListenerContainer> containers;
    private volatile boolean running;

    private IngestConsumers(List<SimpleMessageListenerContainer> containers) {
        this.containers = containers;
    }

    static IngestConsumers none() {
        return new IngestConsumers(List.of());
    }

    static IngestConsumers of(
            ConnectionFactory connections,
            IngestProperties props,
            List<BatchingConsumer> consumers,
            List<String> queues) {
        List<SimpleMessageListenerContainer> containers = new java.util.ArrayList<>();
        for (int i = 0; i < consumers.size(); i++) {
            SimpleMessageListenerContainer c = new SimpleMessageListenerContainer(connections);
            c.setQueueNames(queues.get(i));
            c.setConsumerBatchEnabled(true);
            c.setBatchSize(props.batchSize());
            c.setReceiveTimeout(props.receiveTimeout().toMillis());
            c.setPrefetchCount(props.prefetch());
            c.setConcurrentConsumers(props.concurrency());
            c.setAcknowledgeMode(AcknowledgeMode.AUTO);
            c.setDefaultRequeueRejected(true);
            // back on a restarted broker within a second (the default waits 5 s), before a backlog builds up
            c.setRecoveryInterval(RECOVERY_MILLIS);
            c.setMessageListener(consumers.get(i));
            c.afterPropertiesSet();
            containers.add(c);
        }
        return new IngestConsumers(List.copyOf(containers));
    }

    @Override
    public void start() {
        containers.forEach(SimpleMessageListenerContainer::start);
        running = true;
    }

    @Override
    public void stop() {
        containers.forEach(SimpleMessageListenerContainer::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
