package org.gamebackend.botpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gamebackend.bots.grpc.v1.BotPolicyServiceGrpc;
import org.gamebackend.bots.grpc.v1.DecideRequest;
import org.gamebackend.bots.grpc.v1.DecideResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The example server on a real port, asked over gRPC the way game-backend asks it. */
class PolicyServerTest {

    static PolicyServer server;
    static ManagedChannel channel;

    @BeforeAll
    static void start() throws Exception {
        server = PolicyServer.start(
                0, TicTacToeValues.train(PolicyServer.GAMES, PolicyServer.EPSILON, PolicyServer.ALPHA, 42));
        channel = Grpc.newChannelBuilder("localhost:" + server.port(), InsecureChannelCredentials.create())
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.close();
    }

    /** O to move: X threatens 0-1-2, O must block at 2 (and cannot win at once). */
    static DecideRequest blockRequest(long id) {
        DecideRequest.Builder b = DecideRequest.newBuilder()
                .setProtocolVersion(1)
                .setId(id)
                .setGame("tictactoe")
                .setMode("tictactoe")
                .setObservation(utf8("{\"board\":[\"X\",\"X\",\"\",\"\",\"O\",\"\",\"\",\"\",\"\"],"
                        + "\"mark\":\"O\",\"your_turn\":true}"));
        for (int cell : List.of(2, 3, 5, 6, 7, 8)) {
            b.addLegalActions(utf8("{\"cell\":" + cell + "}"));
        }
        return b.build();
    }

    @Test
    void unaryDecideBlocksTheOpponentsLine() {
        DecideResponse r = BotPolicyServiceGrpc.newBlockingStub(channel).decide(blockRequest(1));
        assertThat(r.getId()).isEqualTo(1);
        assertThat(r.getError()).isEmpty();
        assertThat(r.getDecisionCase()).isEqualTo(DecideResponse.DecisionCase.ACTION_INDEX);
        assertThat(r.getActionIndex()).as("index of {\"cell\":2}").isZero();
    }

    @Test
    void theStreamAnswersEveryRequestByItsId() throws Exception {
        CompletableFuture<List<DecideResponse>> done = new CompletableFuture<>();
        List<DecideResponse> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        StreamObserver<DecideRequest> requests = BotPolicyServiceGrpc.newStub(channel)
                .decideStream(new StreamObserver<>() {
                    @Override
                    public void onNext(DecideResponse value) {
                        answers.add(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        done.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                        done.complete(answers);
                    }
                });
        for (long id = 10; id < 20; id++) {
            requests.onNext(blockRequest(id));
        }
        requests.onCompleted();
        assertThat(done.get(10, TimeUnit.SECONDS))
                .hasSize(10)
                .allSatisfy(r -> assertThat(r.getActionIndex()).isZero())
                .extracting(DecideResponse::getId)
                .containsExactlyInAnyOrder(10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L);
    }

    @Test
    void anotherGameGetsAnErrorAndNotYourTurnGetsNoDecision() {
        var stub = BotPolicyServiceGrpc.newBlockingStub(channel);
        DecideResponse arena = stub.decide(DecideRequest.newBuilder()
                .setId(2)
                .setGame("arena")
                .setObservation(utf8("{}"))
                .build());
        assertThat(arena.getError()).contains("tictactoe only");
        DecideResponse waiting = stub.decide(DecideRequest.newBuilder()
                .setId(3)
                .setGame("tictactoe")
                .setObservation(utf8("{\"board\":[\"X\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"],\"mark\":\"X\","
                        + "\"your_turn\":false}"))
                .build());
        assertThat(waiting.getError()).isEmpty();
        assertThat(waiting.getDecisionCase()).isEqualTo(DecideResponse.DecisionCase.DECISION_NOT_SET);
    }

    private static ByteString utf8(String s) {
        return ByteString.copyFrom(s, StandardCharsets.UTF_8);
    }
}
