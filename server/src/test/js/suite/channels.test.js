import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import { PLAYERS, connect, disconnectAll, join, next, opened, push, sleep } from "../client.js";

afterEach(disconnectAll);

const [alice, bob] = PLAYERS;

test("joins its own user topic, is refused another player's, and leaves", async () => {
  const socket = connect(alice);
  const own = socket.channel(`user:${alice.id}`);
  assert.deepEqual(await join(own), {});
  const other = socket.channel(`user:${bob.id}`);
  await assert.rejects(join(other), (e) => e.response.reason === "unauthorized");
  other.leave();
  const left = await new Promise((resolve) => own.leave().receive("ok", resolve));
  assert.deepEqual(left, {});
  assert.equal(own.state, "closed");
  socket.disconnect();
});

test("an unmatched topic gets Phoenix's error reply", async () => {
  const socket = connect(alice);
  const channel = socket.channel("nowhere:1");
  await assert.rejects(join(channel), (e) => e.response.reason === "unmatched topic");
  channel.leave();
  socket.disconnect();
});

test("a push gets its reply, as JSON and as binary", async () => {
  const socket = connect(alice);
  const channel = socket.channel("test:echo");
  await join(channel);
  assert.deepEqual(await push(channel, "echo", { n: 1, text: "hi" }), { status: "ok", response: { n: 1, text: "hi" } });
  assert.deepEqual(await push(channel, "nope", {}), { status: "error", response: { reason: "unhandled event" } });
  const bytes = new Uint8Array([1, 2, 3, 250]).buffer;
  const binary = await push(channel, "echo", bytes);
  assert.equal(binary.status, "ok");
  assert.deepEqual([...new Uint8Array(binary.response)], [1, 2, 3, 250]);
  socket.disconnect();
});

test("a server push reaches the channel without a ref", async () => {
  const socket = connect(alice);
  const channel = socket.channel("test:push");
  await join(channel);
  const pushed = next(channel, "pushed");
  await push(channel, "push", { hello: "you" });
  assert.deepEqual(await pushed, { hello: "you" });
  socket.disconnect();
});

test("a broadcast reaches every socket on the topic", async () => {
  const sockets = PLAYERS.slice(0, 10).map((player) => connect(player));
  const channels = sockets.map((socket) => socket.channel("test:room"));
  await Promise.all(channels.map(join));
  const received = Promise.all(channels.map((channel) => next(channel, "shout")));
  await push(channels[0], "shout", { body: "hello all" });
  const payloads = await received;
  assert.equal(payloads.length, 10);
  payloads.forEach((payload) => assert.deepEqual(payload, { body: "hello all" }));
  sockets.forEach((socket) => socket.disconnect());
});

test("a crashing channel gets phx_error and rejoins; the socket's other channels keep working", async () => {
  const socket = connect(alice);
  const crashing = socket.channel("test:crash");
  const healthy = socket.channel("test:healthy");
  await join(crashing);
  await join(healthy);
  let joins = 0;
  crashing.joinPush.receive("ok", () => joins++);
  joins = 0; // receive() fires at once for the join that already happened
  const errored = new Promise((resolve) => crashing.onError(resolve));
  crashing.push("crash", {});
  await errored;
  assert.deepEqual(await push(healthy, "echo", { still: "here" }), { status: "ok", response: { still: "here" } });
  while (joins === 0) await sleep(20); // the client rejoins after phx_error
  assert.deepEqual(await push(crashing, "echo", { back: true }), { status: "ok", response: { back: true } });
  assert.equal(socket.isConnected(), true);
  socket.disconnect();
});

test("after the server drops the connection the client reconnects and rejoins", async () => {
  const socket = connect(alice);
  const channel = socket.channel(`user:${alice.id}`);
  const lobby = socket.channel("test:rejoin");
  await join(channel);
  await join(lobby);
  let rejoins = 0;
  lobby.joinPush.receive("ok", () => rejoins++);
  rejoins = 0;
  const dropped = new Promise((resolve) => socket.onClose(resolve));
  socket.conn.send("this is not a phoenix frame"); // unreadable: the server closes the socket
  const event = await dropped;
  assert.equal(event.code, 1007);
  await opened(socket);
  while (rejoins === 0) await sleep(20);
  assert.equal(channel.state, "joined");
  assert.deepEqual(await push(lobby, "echo", { again: 1 }), { status: "ok", response: { again: 1 } });
  socket.disconnect();
});
