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
 * right and fires; in a mode whose name contains {@code illegal} it answers a cell that does not exist. It can sleep
 * before answering, and be stopped and started again on the same port; with TLS or without.
 */
final class TestPolicyServer implements AutoCloseable {

    private final AtomicLong requests = new AtomicLong();
    private final boolean tls;
    private volatile long sleepMillis;
    private volatile int port;
    private volatile Server server;

    private TestPolicyServer(int port, boolean tls) {
        this.port = port;
        this.tls = tls;
    }

    static TestPolicyServer start() {
        TestPolicyServer s = new TestPolicyServer(0, false);
        s.restart();
        return s;
    }

    /** With TLS: grpc-testing's server1 certificate (names *.test.google.fr), signed by its ca.pem. */
    static TestPolicyServer startTls() {
        TestPolicyServer s = new TestPolicyServer(0, true);
        s.restart();
        return s;
    }

    /** grpc-testing's CA certificate, as a file for {@code trust-certificate}. */
    static java.nio.file.Path caFile() {
        try (java.io.InputStream ca = io.grpc.testing.TlsTesting.loadCert("ca.pem")) {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("grpc-test-ca", ".pem");
            java.nio.file.Files.write(file, ca.readAllBytes());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts again on the same port (after {@link #stop}). */
    synchronized void restart() {
        try {
            io.grpc.ServerCredentials credentials = tls
                    ? io.grpc.TlsServerCredentials.create(
                            io.grpc.testing.TlsTesting.loadCert("server1.pem"),
                            io.grpc.testing.TlsTesting.loadCert("server1.key"))
                    : InsecureServerCredentials.create();
            server = Grpc.newServerBuilderForPort(port, credentials)
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
                if (request.getMode().contains("illegal")) { // a cell that does not exist
                    return b.setAction(com.google.protobuf.ByteString.copyFromUtf8("{\"cell\":9}"))
                            .build();
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
