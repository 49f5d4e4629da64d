package org.gamebackend.bots.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.gamebackend.bots.grpc.v1.BotPolicyServiceGrpc;
import org.gamebackend.bots.grpc.v1.DecideRequest;
import org.gamebackend.bots.grpc.v1.DecideResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One remote policy server: one gRPC channel, unary calls or one shared bidirectional stream, and a circuit breaker
 * that stops calls to a server that keeps failing. {@link #decide} never blocks: it starts the call and returns a
 * future completed on a gRPC thread, always within the deadline (by the gRPC deadline for unary calls, by a timer on
 * the stream).
 */
final class RemotePolicy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RemotePolicy.class);
    private static final AtomicLong IDS = new AtomicLong();

    private final String name;
    private final ManagedChannel channel;
    private final BotPolicyServiceGrpc.BotPolicyServiceStub stub;
    private final CircuitBreaker breaker;
    private final boolean useStream;
    private final Duration deadline;
    private final Object streamLock = new Object();

    @Nullable
    private Stream stream; // guarded by streamLock

    RemotePolicy(String name, BotsProperties.Remote props) {
        this.name = name;
        String target = props.target();
        if (target == null || target.isBlank()) {
            throw new IllegalStateException(
                    "game.bots.remotes." + name + ".target is required (host:port of a " + "bot_policy.proto server)");
        }
        if (props.deadline().isNegative() || props.deadline().isZero()) {
            throw new IllegalStateException("game.bots.remotes." + name + ".deadline must be positive");
        }
        this.deadline = props.deadline();
        this.useStream = props.stream();
        this.breaker = CircuitBreaker.of("bots-" + name, breakerConfig(name, props.breaker()));
        ManagedChannelBuilder<?> builder = Grpc.newChannelBuilder(target, credentials(name, props))
                .directExecutor() // callbacks only complete futures and record outcomes
                .disableRetry(); // a decision is worth one try within its deadline
        if (props.authority() != null) {
            builder.overrideAuthority(props.authority());
        }
        this.channel = builder.build();
        this.stub = BotPolicyServiceGrpc.newStub(channel);
        breaker.getEventPublisher().onStateTransition(e -> {
            log.info("bots: remote {} circuit breaker {}", name, e.getStateTransition());
            if (e.getStateTransition().getToState() == CircuitBreaker.State.HALF_OPEN) {
                channel.resetConnectBackoff(); // trial calls should reach a server that is back, not a backoff timer
            }
        });
        log.info(
                "bots: remote policy {} at {} ({}, {}, deadline {} ms)",
                name,
                target,
                useStream ? "stream" : "unary",
                props.tls() ? "TLS" : "plain text",
                deadline.toMillis());
    }

    private static CircuitBreakerConfig breakerConfig(String name, BotsProperties.Breaker b) {
        try {
            return CircuitBreakerConfig.custom()
                    .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .slidingWindowSize(b.window())
                    .minimumNumberOfCalls(b.minimumCalls())
                    .failureRateThreshold(b.failureRate())
                    .waitDurationInOpenState(b.waitOpen())
                    .permittedNumberOfCallsInHalfOpenState(b.halfOpenCalls())
                    .automaticTransitionFromOpenToHalfOpenEnabled(true)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("game.bots.remotes." + name + ".breaker: " + e.getMessage(), e);
        }
    }

    private static ChannelCredentials credentials(String name, BotsProperties.Remote props) {
        if (!props.tls()) {
            return InsecureChannelCredentials.create();
        }
        if (props.trustCertificate() == null) {
            return TlsChannelCredentials.create();
        }
        try {
            return TlsChannelCredentials.newBuilder()
                    .trustManager(props.trustCertificate().toFile())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "game.bots.remotes." + name + ".trust-certificate: cannot read " + props.trustCertificate(), e);
        }
    }

    String name() {
        return name;
    }

    Duration deadline() {
        return deadline;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    static long nextId() {
        return IDS.incrementAndGet();
    }

    /**
     * Starts one decision, or returns null when the breaker is open (nothing sent). The future completes with the
     * answer, or exceptionally (a {@link StatusRuntimeException}, a {@link TimeoutException} on the stream); either
     * way the outcome is recorded in the breaker first.
     */
    @Nullable
    CompletableFuture<DecideResponse> decide(DecideRequest request, Duration timeout) {
        if (!breaker.tryAcquirePermission()) {
            return null;
        }
        long started = System.nanoTime();
        CompletableFuture<DecideResponse> answer = new CompletableFuture<>();
        answer.whenComplete((response, failure) -> record(started, response, failure));
        try {
            if (useStream) {
                stream().send(request, answer, timeout);
            } else {
                stub.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS).decide(request, new Unary(answer));
            }
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
        }
        return answer;
    }

    private void record(long started, @Nullable DecideResponse response, @Nullable Throwable failure) {
        long took = System.nanoTime() - started;
        if (failure != null) {
            breaker.onError(took, TimeUnit.NANOSECONDS, failure);
        } else if (response != null && !response.getError().isEmpty()) {
            breaker.onError(took, TimeUnit.NANOSECONDS, new RemotePolicyException(response.getError()));
        } else {
            breaker.onSuccess(took, TimeUnit.NANOSECONDS);
        }
    }

    /** Whether a failure is the deadline passing (rather than an error). */
    static boolean isDeadline(Throwable failure) {
        Throwable t = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        return t instanceof TimeoutException
                || (t instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED);
    }

    private Stream stream() {
        synchronized (streamLock) {
            Stream s = stream;
            if (s == null || s.closed) {
                s = new Stream();
                s.requests = stub.decideStream(s);
                stream = s;
            }
            return s;
        }
    }

    @Override
    public void close() {
        synchronized (streamLock) {
            Stream s = stream;
            if (s != null) {
                s.complete();
            }
        }
        channel.shutdown();
        try {
            if (!channel.awaitTermination(2, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.shutdownNow();
        }
    }

    /** A unary call's observer: one answer, then completion or an error. */
    private static final class Unary implements StreamObserver<DecideResponse> {
        private final CompletableFuture<DecideResponse> answer;

        @Nullable
        private DecideResponse response;

        Unary(CompletableFuture<DecideResponse> answer) {
            this.answer = answer;
        }

        @Override
        public void onNext(DecideResponse value) {
            response = value;
        }

        @Override
        public void onError(Throwable t) {
            answer.completeExceptionally(t);
        }

        @Override
        public void onCompleted() {
            DecideResponse r = response;
            if (r == null) {
                answer.completeExceptionally(
                        Status.INTERNAL.withDescription("no answer").asRuntimeException());
            } else {
                answer.complete(r);
            }
        }
    }

    /**
     * The shared bidirectional stream: requests of every bot of this remote, answers matched back by id. When it
     * breaks, its waiting decisions fail and the next decision opens a new one.
     */
    private final class Stream implements StreamObserver<DecideResponse> {
        private final ConcurrentHashMap<Long, CompletableFuture<DecideResponse>> waiting = new ConcurrentHashMap<>();

        @Nullable
        private StreamObserver<DecideRequest> requests; // writes are serialized on this Stream

        private volatile boolean closed;

        void send(DecideRequest request, CompletableFuture<DecideResponse> answer, Duration timeout) {
            long id = request.getId();
            waiting.put(id, answer);
            answer.orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS).whenComplete((r, t) -> waiting.remove(id));
            StreamObserver<DecideRequest> out = requests;
            synchronized (this) {
                if (closed || out == null) {
                    answer.completeExceptionally(
                            Status.UNAVAILABLE.withDescription("stream closed").asRuntimeException());
                    return;
                }
                out.onNext(request);
            }
        }

        @Override
        public void onNext(DecideResponse value) {
            CompletableFuture<DecideResponse> answer = waiting.remove(value.getId());
            if (answer != null) {
                answer.complete(value);
            }
        }

        @Override
        public void onError(Throwable t) {
            fail(t);
        }

        @Override
        public void onCompleted() {
            fail(Status.UNAVAILABLE
                    .withDescription("the server ended the stream")
                    .asRuntimeException());
        }

        private void fail(Throwable t) {
            closed = true;
            if (log.isDebugEnabled()) {
                log.debug("bots: remote {} stream ended: {}", name, t.toString());
            }
            for (Long id : waiting.keySet()) {
                CompletableFuture<DecideResponse> answer = waiting.remove(id);
                if (answer != null) {
                    answer.completeExceptionally(t);
                }
            }
        }

        synchronized void complete() {
            StreamObserver<DecideRequest> out = requests;
            if (!closed && out != null) {
                closed = true;
                try {
                    out.onCompleted();
                } catch (RuntimeException e) {
                    log.debug("bots: remote {} stream close: {}", name, e.toString());
                }
            }
        }
    }

    /** An answer that carried an error instead of a decision. */
    static final class RemotePolicyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RemotePolicyException(String message) {
            super(message, null, false, false);
        }
    }
}
