import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import { Presence } from "phoenix";
import { PLAYERS, connect, disconnectAll, join, sleep, within } from "../client.js";

afterEach(disconnectAll);

const [alice, bob] = PLAYERS;

function watch(channel) {
  const presence = new Presence(channel);
  const view = { ids: [], presence };
  presence.onSync(() => {
    view.ids = presence.list((id) => id).sort();
  });
  return view;
}

async function until(check, what) {
  await within((async () => {
    while (!check()) await sleep(20);
  })(), what);
}

test("lobby presence syncs through Presence.onSync, and a dead socket leaves", async () => {
  const topic = `lobby:presence-${Date.now()}`;
  const aliceSocket = connect(alice);
  const aliceLobby = aliceSocket.channel(topic);
  const aliceView = watch(aliceLobby);
  await join(aliceLobby);
  await until(() => aliceView.ids.length === 1, "alice sees herself");
  assert.deepEqual(aliceView.ids, [alice.id]);

  const bobSocket = connect(bob);
  const bobLobby = bobSocket.channel(topic);
  const bobView = watch(bobLobby);
  await join(bobLobby);
  const both = [alice.id, bob.id].sort();
  await until(() => bobView.ids.length === 2 && aliceView.ids.length === 2, "both see both");
  assert.deepEqual(aliceView.ids, both);
  assert.deepEqual(bobView.ids, both);
  const [meta] = aliceView.presence.state[bob.id].metas;
  assert.match(meta.phx_ref, /^[A-Za-z0-9_-]{16}$/);
  assert.equal(typeof meta.online_at, "number");

  bobSocket.disconnect(); // closes the connection without leaving the channel: the server sees the socket die
  await until(() => aliceView.ids.length === 1, "bob's leave");
  assert.deepEqual(aliceView.ids, [alice.id]);
  aliceSocket.disconnect();
});
