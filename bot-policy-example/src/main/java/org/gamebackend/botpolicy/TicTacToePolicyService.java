package org.gamebackend.botpolicy;

import io.grpc.stub.StreamObserver;
import java.util.SplittableRandom;
import org.gamebackend.bots.grpc.v1.BotPolicyServiceGrpc;
import org.gamebackend.bots.grpc.v1.DecideRequest;
import org.gamebackend.bots.grpc.v1.DecideResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * bot_policy.proto served by the learned tic-tac-toe table: of the legal actions it is given, it answers the index of
 * the one with the best learned value. No legal actions (not its turn): no decision. Any other game: an answer with
 * {@code error} set (game-backend then plays that seat by its rules and counts a failure against this server).
 *
 * <p>The observation is game-backend's tic-tac-toe observation: {@code {"board": [9 × "X"|"O"|""], "mark": "X"|"O",
 * "your_turn": bool}}; legal actions are {@code {"cell": n}}.
 */
public final class TicTacToePolicyService extends BotPolicyServiceGrpc.BotPolicyServiceImplBase {

    private final TicTacToeValues values;
    private final JsonMapper json = JsonMapper.builder().build();

    public TicTacToePolicyService(TicTacToeValues values) {
        this.values = values;
    }

    @Override
    public void decide(DecideRequest request, StreamObserver<DecideResponse> out) {
        out.onNext(answer(request));
        out.onCompleted();
    }

    @Override
    public StreamObserver<DecideRequest> decideStream(StreamObserver<DecideResponse> out) {
        return new StreamObserver<>() {
            @Override
            public void onNext(DecideRequest request) {
                DecideResponse response = answer(request);
                synchronized (out) {
                    out.onNext(response);
                }
            }

            @Override
            public void onError(Throwable t) {
                // the client went away: nothing to clean up
            }

            @Override
            public void onCompleted() {
                synchronized (out) {
                    out.onCompleted();
                }
            }
        };
    }

    /** One decision; never throws (a bad request gets an answer with {@code error}). */
    DecideResponse answer(DecideRequest request) {
        DecideResponse.Builder response = DecideResponse.newBuilder().setId(request.getId());
        if (!request.getGame().equals("tictactoe")) {
            return response.setError("this policy plays tictactoe only, not " + request.getGame())
                    .build();
        }
        if (request.getLegalActionsCount() == 0) {
            return response.build(); // not our turn
        }
        try {
            int[] cells = cells(json.readTree(request.getObservation().toByteArray()));
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < request.getLegalActionsCount(); i++) {
                int cell = json.readTree(request.getLegalActions(i).toByteArray())
                        .required("cell")
                        .asInt();
                if (cell < 0 || cell > 8 || cells[cell] != 0) {
                    return response.setError("legal action " + i + " is not an empty cell")
                            .build();
                }
                double v = values.moveValue(cells, cell);
                if (v > bestValue) {
                    bestValue = v;
                    best = i;
                }
            }
            return response.setActionIndex(best).build();
        } catch (RuntimeException e) {
            return response.setError("bad request: " + e.getMessage()).build();
        }
    }

    /** The board from the mover's side: 0 empty, 1 the mover's mark, 2 the opponent's. */
    static int[] cells(JsonNode observation) {
        String mine = observation.required("mark").asString();
        JsonNode board = observation.required("board");
        if (!board.isArray() || board.size() != 9) {
            throw new IllegalArgumentException("board must be an array of 9 cells");
        }
        int[] cells = new int[9];
        for (int c = 0; c < 9; c++) {
            String mark = board.get(c).asString();
            cells[c] = mark.isEmpty() ? 0 : mark.equals(mine) ? 1 : 2;
        }
        return cells;
    }

    /** For tests and tools: the learned move for a board from the mover's side. */
    int move(int[] cells) {
        return values.bestMove(cells, new SplittableRandom(0));
    }
}
