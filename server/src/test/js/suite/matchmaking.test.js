// Matchmaking through the official client, end to end: two players queue tic-tac-toe on their user: topics, both get
// match_found, join the match it names and play it to the end. Also: a bad queue request gets an error reply.
import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import { PLAYERS, join, next, push, within, trackedSockets } from "../client.js";

const [first, second] = PLAYERS.slice(10, 12);
const { socketOf, closeAll } = trackedSockets();
afterEach(closeAll);

test("two players queue tictactoe, are matched, join the match and play it", async () => {
  const [s1, s2] = [socketOf(first), socketOf(second)];
  const [u1, u2] = [s1.channel(`user:${first.id}`), s2.channel(`user:${second.id}`)];
  await join(u1);
  await join(u2);
  const found = [next(u1, "match_found"), next(u2, "match_found")];
  const updates = [next(u1, "ticket_update"), next(u2, "ticket_update")];

  const queued1 = await push(u1, "queue", { mode: "tictactoe", region: "eu" });
  assert.equal(queued1.status, "ok", JSON.stringify(queued1.response));
  assert.match(queued1.response.ticket_id, /^[0-9a-f-]{36}$/);
  const queued2 = await push(u2, "queue", { mode: "tictactoe", latencies: { eu: 20, na: 90 } });
  assert.equal(queued2.status, "ok", JSON.stringify(queued2.response));

  const [f1, f2] = await within(Promise.all(found), "match_found on both user topics");
  assert.equal(f1.match_id, f2.match_id, "both were put in the same match");
  assert.equal(f1.game, "tictactoe");
  assert.equal(f1.mode, "tictactoe");
  assert.equal(f1.topic, `match:${f1.match_id}`);
  assert.deepEqual([f1.seat, f2.seat].sort(), [0, 1]);
  const firstUpdate = await updates[0];
  assert.equal(firstUpdate.ticket_id, queued1.response.ticket_id);

  // whoever holds seat 0 plays X and moves first
  const channels = [s1.channel(f1.topic), s2.channel(f2.topic)];
  const joined = [await join(channels[0]), await join(channels[1])];
  assert.equal(joined[0].seat, f1.seat);
  const [xs, os] = f1.seat === 0 ? [channels[0], channels[1]] : [channels[1], channels[0]];
  const xId = f1.seat === 0 ? first.id : second.id;
  const ends = [next(xs, "match_end"), next(os, "match_end")];
  const moves = [0, 3, 1, 4, 2];
  for (let i = 0; i < moves.length; i++) {
    const reply = await push(i % 2 === 0 ? xs : os, "input", { cell: moves[i] });
    assert.equal(reply.status, "ok", `move ${i}: ${JSON.stringify(reply.response)}`);
  }
  for (const end of await within(Promise.all(ends), "match_end for both")) {
    assert.equal(end.status, "finished");
    assert.deepEqual(end.result, { winner: xId, reason: "line" });
  }
});

test("a bad queue request gets an error reply naming the problem", async () => {
  const s = socketOf(first);
  const user = s.channel(`user:${first.id}`);
  await join(user);
  const unknown = await push(user, "queue", { mode: "no-such-mode" });
  assert.equal(unknown.status, "error");
  assert.equal(unknown.response.reason, "unknown_mode");
  const cancel = await push(user, "cancel", { ticket_id: "not-a-ticket" });
  assert.deepEqual(cancel.status, "error");
  assert.equal(cancel.response.reason, "bad_request");
});
