package org.gamebackend.botpolicy;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Runs the example policy server: learns the tic-tac-toe table by self-play, then serves bot_policy.proto on a port.
 *
 * <p>{@code java -cp ... org.gamebackend.botpolicy.PolicyServer [port] [games]} — port 9090 and 50,000 training games
 * by default; port 0 picks a free one (printed).
 */
public final class PolicyServer implements AutoCloseable {

    /** Self-play settings that learn a table that never loses (see TicTacToeValuesTest). */
    public static final int GAMES = 50_000;

    public static final double EPSILON = 0.3;
    public static final double ALPHA = 0.5;

    private final Server server;

    private PolicyServer(Server server) {
        this.server = server;
    }

    /** Serves {@code values} on {@code port} (0: any free port). Decisions are computed on the transport's threads. */
    public static PolicyServer start(int port, TicTacToeValues values) throws IOException {
        Server server = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create())
                .directExecutor() // a decision takes microseconds: no hand-off to another thread
                .addService(new TicTacToePolicyService(values))
                .build()
                .start();
        return new PolicyServer(server);
    }

    public int port() {
        return server.getPort();
    }

    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    @Override
    public void close() {
        server.shutdown();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        }
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9090;
        int games = args.length > 1 ? Integer.parseInt(args[1]) : GAMES;
        long t0 = System.nanoTime();
        TicTacToeValues values = TicTacToeValues.train(games, EPSILON, ALPHA, 42);
        System.out.printf(
                "learned tictactoe by %,d games of self-play in %d ms%n", games, (System.nanoTime() - t0) / 1_000_000);
        PolicyServer server = start(port, values);
        System.out.printf(
                "bot policy server listening on port %d (bot_policy.proto, gamebackend.bots.v1)%n", server.port());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "policy-server-shutdown"));
        server.awaitTermination();
    }
}
