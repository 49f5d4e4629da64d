// GraphQL subscriptions with the graphql-ws npm client (the one docs/graphql.md shows), on ws://…/graphql with the
// token in connection_init: two players subscribe to matchFound and ticketUpdated, queue with the queue mutation over
// the same socket, and both hear of the same match. Also: a bad token is refused with close code 4401.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { PLAYERS, SOCKET_URL, within } from "../client.js";

const GRAPHQL_URL = SOCKET_URL.replace(/\/socket$/, "/graphql");
const [first, second] = PLAYERS.slice(16, 18);
const clients = [];
after(() => Promise.all(clients.map((c) => c.dispose())));

function clientOf(player, params = { Authorization: `Bearer ${player.token}` }) {
  const client = createClient({ url: GRAPHQL_URL, webSocketImpl: WebSocket, connectionParams: params, retryAttempts: 0 });
  clients.push(client);
  return client;
}

/** The events of a subscription, as a queue to await one at a time. */
function subscribe(client, query) {
  const events = [];
  const waiting = [];
  client.subscribe({ query }, {
    next: (result) => (waiting.length ? waiting.shift().resolve(result) : events.push(result)),
    error: (err) => waiting.forEach((w) => w.reject(err)),
    complete: () => {},
  });
  return () => events.length ? Promise.resolve(events.shift()) : new Promise((resolve, reject) => waiting.push({ resolve, reject }));
}

function execute(client, query) {
  return new Promise((resolve, reject) => {
    let result;
    client.subscribe({ query }, { next: (r) => (result = r), error: reject, complete: () => resolve(result) });
  });
}

test("two players subscribed to matchFound are told of the same match", async () => {
  const [c1, c2] = [clientOf(first), clientOf(second)];
  const found1 = subscribe(c1, "subscription { matchFound { matchId game mode seat topic } }");
  const tickets1 = subscribe(c1, "subscription { ticketUpdated { ticketId status } }");
  const found2 = subscribe(c2, "subscription { matchFound { matchId game mode seat topic } }");
  const tickets2 = subscribe(c2, "subscription { ticketUpdated { ticketId status } }");
  // a query over each socket: by its answer, the subscriptions sent before it are in place
  assert.equal((await within(execute(c1, "{ me { id } }"), "me over graphql-ws")).data.me.id, first.id);
  assert.equal((await within(execute(c2, "{ me { id } }"), "me over graphql-ws")).data.me.id, second.id);

  const q1 = await within(execute(c1, 'mutation { queue(mode: "gql-js-duel") { ticketId status } }'), "queue 1");
  assert.equal(q1.data.queue.status, "searching");
  assert.equal((await within(tickets1(), "ticketUpdated 1")).data.ticketUpdated.status, "searching");
  const q2 = await within(execute(c2, 'mutation { queue(mode: "gql-js-duel") { ticketId status } }'), "queue 2");
  assert.equal(q2.data.queue.status, "searching");
  assert.equal((await within(tickets2(), "ticketUpdated 2")).data.ticketUpdated.status, "searching");

  const [f1, f2] = (await within(Promise.all([found1(), found2()]), "matchFound for both")).map((r) => r.data.matchFound);
  assert.equal(f1.matchId, f2.matchId);
  assert.equal(f1.game, "tictactoe");
  assert.equal(f1.topic, `match:${f1.matchId}`);
  assert.deepEqual([f1.seat, f2.seat].sort(), [0, 1]);
});

test("a bad token in connection_init closes the socket with 4401", async () => {
  const closed = new Promise((resolve) => {
    const client = createClient({
      url: GRAPHQL_URL,
      webSocketImpl: WebSocket,
      connectionParams: { token: "not-a-token" },
      retryAttempts: 0,
      on: { closed: (event) => resolve(event.code) },
    });
    clients.push(client);
    client.subscribe({ query: "subscription { ticketUpdated { status } }" }, { next() {}, error() {}, complete() {} });
  });
  assert.equal(await within(closed, "close"), 4401);
});
