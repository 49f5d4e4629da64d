import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import { PLAYERS, closed, connect, disconnectAll, join, opened, push } from "../client.js";

afterEach(disconnectAll);

const [, , carol] = PLAYERS;

test("a frame over the size limit closes the socket with 1009", async () => {
  const socket = connect(carol);
  const channel = socket.channel("test:big");
  await join(channel);
  const close = closed(socket);
  channel.push("echo", { blob: "x".repeat(70 * 1024) });
  assert.equal((await close).code, 1009);
  socket.disconnect();
});

test("a burst over the rate limit gets rate_limited replies and the socket stays up", async () => {
  const socket = connect(carol);
  const channel = socket.channel("test:rate");
  await join(channel);
  const replies = await Promise.all(Array.from({ length: 200 }, (_, n) => push(channel, "echo", { n })));
  const limited = replies.filter((r) => r.status === "error");
  assert.ok(replies.filter((r) => r.status === "ok").length >= 100, "the burst is allowed");
  assert.ok(limited.length > 0, "some pushes are refused");
  limited.forEach((r) => assert.deepEqual(r.response, { reason: "rate_limited" }));
  assert.equal(socket.isConnected(), true);
  socket.disconnect();
});

test("continued abuse closes the socket with 1008", async () => {
  const socket = connect(carol, { reconnectAfterMs: () => 10_000 });
  const channel = socket.channel("test:abuse");
  await join(channel);
  const close = closed(socket);
  for (let n = 0; n < 600; n++) channel.push("echo", { n });
  assert.equal((await close).code, 1008);
  socket.disconnect();
});

test("malformed frames with a readable ref get an error reply", async () => {
  const socket = connect(carol);
  await opened(socket);
  const reply = new Promise((resolve) => socket.onMessage((m) => m.ref === "m1" && resolve(m)));
  socket.conn.send(JSON.stringify([null, "m1", "test:x", "echo", "not an object"]));
  const message = await reply;
  assert.equal(message.event, "phx_reply");
  assert.equal(message.payload.status, "error");
  assert.equal(message.payload.response.reason, "malformed frame");
  assert.equal(socket.isConnected(), true);
  socket.disconnect();
});
