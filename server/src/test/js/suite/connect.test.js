import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import { PLAYERS, closed, connect, disconnectAll, handshakeStatus, join, opened } from "../client.js";

afterEach(disconnectAll);

const [alice] = PLAYERS;

test("connects with an access token in the token param", async () => {
  const socket = connect(alice);
  await opened(socket);
  assert.equal(socket.isConnected(), true);
  assert.match(socket.endPointURL(), /vsn=2\.0\.0$/);
  socket.disconnect();
});

test("connects with the authToken subprotocol and gets phoenix echoed", async () => {
  const socket = connect(null, { authToken: alice.token });
  await opened(socket);
  assert.equal(socket.conn.protocol, "phoenix");
  const channel = socket.channel(`user:${alice.id}`);
  await join(channel);
  socket.disconnect();
});

test("a socket without a token never opens", async () => {
  const socket = connect(null, { reconnectAfterMs: () => 10_000 });
  let opens = 0;
  socket.onOpen(() => opens++);
  const event = await closed(socket);
  assert.equal(opens, 0);
  assert.notEqual(event.code, 1000);
  socket.disconnect();
});

test("the handshake answers 403 for a missing or bad token and a wrong vsn, before any upgrade", async () => {
  assert.equal(await handshakeStatus("vsn=2.0.0"), 403);
  assert.equal(await handshakeStatus("vsn=2.0.0&token=not-a-jwt"), 403);
  assert.equal(await handshakeStatus(`vsn=2.0.0&token=${alice.token}x`), 403);
  assert.equal(await handshakeStatus(`vsn=1.0.0&token=${alice.token}`), 403);
  assert.equal(await handshakeStatus(`token=${alice.token}`), 403);
  assert.equal(await handshakeStatus(`vsn=2.0.0&token=${alice.token}`), 101);
  const encoded = Buffer.from(alice.token).toString("base64").replace(/=/g, "");
  assert.equal(await handshakeStatus("vsn=2.0.0", ["phoenix", `base64url.bearer.phx.${encoded}`]), 101);
  assert.equal(await handshakeStatus("vsn=2.0.0", ["phoenix", "base64url.bearer.phx.bm9wZQ"]), 403);
});

test("heartbeat: socket.ping gets the server's reply", async () => {
  const socket = connect(alice);
  await opened(socket);
  const rtt = await new Promise((resolve) => socket.ping(resolve));
  assert.equal(typeof rtt, "number");
  socket.disconnect();
});
