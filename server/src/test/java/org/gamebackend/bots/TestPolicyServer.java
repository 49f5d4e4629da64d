package org.gamebackend.bots;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.gamebackend.bots.grpc.v1.BotPolicyServiceGrpc;
import org.gamebackend.bots.grpc.v1.DecideRequest;
import org.gamebackend.bots.grpc.v1.DecideResponse;

/**
 * A real bot_policy.proto server on a real port for the tests: tictactoe takes the first legal move (by
 * {@code action_index} on unary calls, by its JSON on the stream, so both answer forms are exercised); arena walks
 * right and fires. It can sleep before answering, and be stopped and started again on the same port.
 */
final class TestPolicyServer implements AutoCloseable {

    private final AtomicLong requests = new AtomicLong();
    private volatile long sleepMillis;
    private volatile int port;
    private volatile Server server;

    private TestPolicyServer(int port) {
        this.port = port;
    }

    static TestPolicyServer start() {
        TestPolicyServer s = new TestPolicyServer(0);
        s.restart();
        return s;
    }

    /** Starts again on the same port (after {@link #stop}). */
    synchronized void restart() {
        try {
            server = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create())
                    .addService(new Service())
                    .build()
                    .start();
            port = server.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops at once: open calls fail, the port closes. */
    synchronized void stop() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int port() {
        return port;
    }

    long requests() {
        return requests.get();
    }

    void sleep(long millis) {
        this.sleepMillis = millis;
    }

    @Override
    public void close() {
        stop();
    }

    private DecideResponse answer(DecideRequest request, boolean json) {
        requests.incrementAndGet();
        long sleep = sleepMillis;
        if (sleep > 0) {
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        DecideResponse.Builder b = DecideResponse.newBuilder().setId(request.getId());
        switch (request.getGame()) {
            case "tictactoe" -> {
                if (request.getLegalActionsCount() == 0) {
                    return b.build(); // not our turn: nothing
                }
                return json
                        ? b.setAction(request.getLegalActions(0)).build()
                        : b.setActionIndex(0).build();
            }
            case "arena" -> {
                return b.setAction(com.google.protobuf.ByteString.copyFrom(
                                "{\"move\":[1,0],\"fire\":true,\"aim\":0.0}", StandardCharsets.UTF_8))
                        .build();
            }
            default -> {
                return b.setError("unknown game " + request.getGame()).build();
            }
        }
    }

    private final class Service extends BotPolicyServiceGrpc.BotPolicyServiceImplBase {
        @Override
        public void decide(DecideRequest request, StreamObserver<DecideResponse> out) {
            out.onNext(answer(request, false));
            out.onCompleted();
        }

        @Override
        public StreamObserver<DecideRequest> decideStream(StreamObserver<DecideResponse> out) {
            return new StreamObserver<>() {
                @Override
                public void onNext(DecideRequest request) {
                    DecideResponse response = answer(request, true);
                    synchronized (out) {
                        out.onNext(response);
                    }
                }

                @Override
                public void onError(Throwable t) {}

                @Override
                public void onCompleted() {
                    synchronized (out) {
                        out.onCompleted();
                    }
                }
            };
        }
    }
}
