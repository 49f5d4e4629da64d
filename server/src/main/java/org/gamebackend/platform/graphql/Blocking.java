package org.gamebackend.platform.graphql;

import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Runs JDBC work of GraphQL batch loaders and subscriptions on virtual threads, never on a Netty event loop. (Plain
 * controller methods need none of this: Spring for GraphQL already calls them on virtual threads.)
 */
public final class Blocking {

    private static final Scheduler VIRTUAL =
            Schedulers.fromExecutorService(Executors.newVirtualThreadPerTaskExecutor(), "graphql-blocking");

    private Blocking() {}

    public static <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(VIRTUAL);
    }
}
