// Matches through the official client: two players play tic-tac-toe to a win (watched by a spectator) and to a draw,
// bad inputs get error replies and change nothing, a dropped player rejoins within the grace period and resumes.
import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import { PLAYERS, SOCKET_URL, join, next, push, within, trackedSockets } from "../client.js";

const [x, o, watcher] = PLAYERS.slice(12, 15);
const { socketOf, closeAll } = trackedSockets();
afterEach(closeAll);
const API = SOCKET_URL.replace(/^ws/, "http").replace(/\/socket$/, "") + "/api/v1";

async function api(player, method, path, body) {
  const response = await fetch(API + path, {
    method,
    signal: AbortSignal.timeout(10000),
    headers: { authorization: `Bearer ${player.token}`, "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
}

/** A private tic-tac-toe match of x (seat 0, X) and o (seat 1, O); resolves with its id. */
async function newMatch() {
  const opened = await api(x, "POST", "/matches", { game: "tictactoe", seats: 2 });
  assert.equal(opened.status, 201);
  const joined = await api(o, "POST", "/matches/join", { invite_code: opened.body.invite_code });
  assert.equal(joined.status, 200);
  assert.ok(joined.body.match_id, "the match started when the second seat was taken");
  return joined.body.match_id;
}

/** Plays `cells` alternately (x first); every move must be accepted. */
async function play(channels, cells) {
  for (let i = 0; i < cells.length; i++) {
    const reply = await push(channels[i % 2], "input", { cell: cells[i] });
    assert.equal(reply.status, "ok", `move ${i} (cell ${cells[i]}): ${JSON.stringify(reply.response)}`);
    assert.equal(typeof reply.response.tick, "number");
  }
}

test("two players play to a win; a spectator sees the moves and the end", async () => {
  const id = await newMatch();
  const sockets = [socketOf(x), socketOf(o), socketOf(watcher)];
  const [cx, co] = [sockets[0].channel(`match:${id}`), sockets[1].channel(`match:${id}`)];
  const spectator = sockets[2].channel(`match:${id}`, { spectate: true });

  const joinedX = await join(cx);
  assert.equal(joinedX.seat, 0);
  assert.equal(joinedX.game, "tictactoe");
  assert.deepEqual(joinedX.state.board, ["", "", "", "", "", "", "", "", ""]);
  assert.equal(joinedX.state.marks[x.id], "X");
  assert.equal((await join(co)).seat, 1);
  const watching = await join(spectator);
  assert.equal(watching.spectator, true);
  assert.equal(watching.seat, null);

  const seen = [];
  spectator.on("state", (patch) => seen.push(patch.state.board.join(",")));
  const ends = [cx, co, spectator].map((channel) => next(channel, "match_end"));

  await play([cx, co], [0, 3, 1, 4, 2]);
  const [endX, endO, endSpectator] = await Promise.all(ends);
  for (const end of [endX, endO, endSpectator]) {
    assert.equal(end.status, "finished");
    assert.deepEqual(end.result, { winner: x.id, reason: "line" });
  }
  assert.ok(seen.includes("X,,,,,,,,"), `the spectator saw the first move: ${seen}`);
  assert.ok(seen.includes("X,X,X,O,O,,,,"), `the spectator saw the last move: ${seen}`);
  assert.deepEqual(await push(spectator, "input", { cell: 5 }), {
    status: "error",
    response: { reason: "spectators_cannot_play" },
  });

  const stored = await api(o, "GET", `/matches/${id}`);
  assert.equal(stored.body.status, "finished");
  assert.equal(stored.body.result.winner, x.id);
  const replay = await within(waitFor(() => api(o, "GET", `/matches/${id}/replay`), (r) => r.status === 200), "replay");
  assert.equal(replay.body.events.filter((e) => e.kind === "input").length, 5);
  sockets.forEach((socket) => socket.disconnect());
});

test("a full board without a line is a draw", async () => {
  const id = await newMatch();
  const sockets = [socketOf(x), socketOf(o)];
  const channels = sockets.map((socket) => socket.channel(`match:${id}`));
  await Promise.all(channels.map(join));
  const end = next(channels[0], "match_end");
  await play(channels, [0, 1, 2, 4, 3, 5, 7, 6, 8]);
  assert.deepEqual((await end).result, { winner: null, reason: "draw" });
  sockets.forEach((socket) => socket.disconnect());
});

test("bad inputs get error replies and change nothing", async () => {
  const id = await newMatch();
  const sockets = [socketOf(x), socketOf(o)];
  const [cx, co] = sockets.map((socket) => socket.channel(`match:${id}`));
  await join(cx);
  await join(co);
  const refused = async (channel, payload, reason) => {
    const reply = await push(channel, "input", payload);
    assert.equal(reply.status, "error", JSON.stringify(payload));
    assert.equal(reply.response.reason, reason, JSON.stringify(reply.response));
  };
  await refused(co, { cell: 4 }, "not_your_turn");
  await refused(cx, { cell: 9 }, "bad_cell");
  await refused(cx, { cell: "4" }, "bad_input");
  await refused(cx, { cell: 4, cheat: true }, "bad_input");
  await refused(cx, { cell: 1.5 }, "bad_input");
  await refused(cx, {}, "bad_input");
  await play([cx, co], [4]);
  await refused(co, { cell: 4 }, "cell_taken");
  assert.deepEqual(await push(cx, "dance", {}), { status: "error", response: { reason: "unknown_event" } });
  const rejoin = sockets[0].channel(`match:${id}`);
  const state = (await join(rejoin)).state;
  assert.deepEqual(state.board, ["", "", "", "", "X", "", "", "", ""], "only the accepted move changed the board");
  await endByForfeit(co);
  sockets.forEach((socket) => socket.disconnect());
});

test("a player who drops rejoins within the grace period with the full state and plays on", async () => {
  const id = await newMatch();
  const sockets = [socketOf(x), socketOf(o)];
  const channels = sockets.map((socket) => socket.channel(`match:${id}`));
  await Promise.all(channels.map(join));
  await play(channels, [0, 4]);

  sockets[0].disconnect(); // connection lost: a drop, the seat is held
  const again = socketOf(x);
  const channel = again.channel(`match:${id}`);
  const back = await join(channel);
  assert.equal(back.seat, 0);
  assert.deepEqual(back.state.board, ["X", "", "", "", "O", "", "", "", ""]);
  assert.equal(back.state.turn, x.id);
  await play([channel, channels[1]], [8]);
  const end = next(channel, "match_end");
  assert.equal((await push(channels[1], "forfeit", {})).status, "ok");
  assert.deepEqual((await end).result, { winner: x.id, reason: "forfeit" });
  again.disconnect();
  sockets[1].disconnect();
});

test("only seated players may join a match without spectating", async () => {
  const id = await newMatch();
  const socket = socketOf(watcher);
  const channel = socket.channel(`match:${id}`);
  await assert.rejects(join(channel), (e) => e.response.reason === "not_seated");
  channel.leave();
  const nowhere = socket.channel("match:00000000-0000-0000-0000-000000000000");
  await assert.rejects(join(nowhere), (e) => e.response.reason === "match_not_running");
  nowhere.leave();
  socket.disconnect();
  const seated = socketOf(x).channel(`match:${id}`);
  await join(seated);
  await endByForfeit(seated);
});

/** Ends a match by one side's forfeit: a player plays one match at a time, so no test leaves one running. */
async function endByForfeit(channel) {
  const end = next(channel, "match_end");
  assert.equal((await push(channel, "forfeit", {})).status, "ok");
  assert.equal((await end).result.reason, "forfeit");
}

async function waitFor(read, done) {
  for (let i = 0; i < 100; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("condition not met within 10 s");
}
