// Helpers shared by the scenarios: sockets of the official phoenix client over `ws`, promises around its callbacks.
// PhoenixClientSuiteTests (JUnit) starts the server and sets SOCKET_URL and PLAYERS ([{id, token}, ...]).
import { Socket } from "phoenix";
import WebSocket from "ws";

export const SOCKET_URL = required("SOCKET_URL"); // ws://host:port/socket
export const PLAYERS = JSON.parse(required("PLAYERS"));
export const TIMEOUT = 5000;

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this suite through PhoenixClientSuiteTests`);
  return value;
}

const open = new Set();

/**
 * Disconnects every socket a test opened: a socket left connected reconnects forever and keeps the test process
 * alive. Each test file registers it with `afterEach(disconnectAll)`.
 */
export function disconnectAll() {
  open.forEach((socket) => socket.disconnect());
  open.clear();
}

/** A connected client socket for `player` (default options: token param, fast reconnects). */
export function connect(player, options = {}) {
  const socket = new Socket(SOCKET_URL, {
    transport: WebSocket,
    params: player ? { token: player.token } : {},
    reconnectAfterMs: () => 50,
    rejoinAfterMs: () => 100,
    timeout: TIMEOUT,
    ...options,
  });
  socket.connect();
  open.add(socket);
  return socket;
}

/** Resolves on the socket's next open. */
export function opened(socket) {
  return once(socket, "onOpen");
}

/** Resolves with the close event on the socket's next close. */
export function closed(socket) {
  return once(socket, "onClose");
}

function once(socket, kind) {
  return within(new Promise((resolve) => {
    const ref = socket[kind]((event) => {
      socket.off([ref]);
      resolve(event);
    });
  }), `socket ${kind}`);
}

/** Joins and resolves with the ok response; rejects with the error response. */
export function join(channel) {
  return within(new Promise((resolve, reject) => {
    channel.join()
      .receive("ok", resolve)
      .receive("error", (response) => reject(Object.assign(new Error("join refused"), { response })))
      .receive("timeout", () => reject(new Error("join timed out")));
  }), `join ${channel.topic}`);
}

/** Pushes and resolves with {status, response} whatever the status. */
export function push(channel, event, payload) {
  return within(new Promise((resolve) => {
    channel.push(event, payload)
      .receive("ok", (response) => resolve({ status: "ok", response }))
      .receive("error", (response) => resolve({ status: "error", response }))
      .receive("timeout", () => resolve({ status: "timeout" }));
  }), `push ${event} on ${channel.topic}`);
}

/** Resolves with the payload of the next `event` on the channel. */
export function next(channel, event) {
  return within(new Promise((resolve) => {
    const ref = channel.on(event, (payload) => {
      channel.off(event, ref);
      resolve(payload);
    });
  }), `${event} on ${channel.topic}`);
}

/**
 * Sockets a test file opens through `socketOf`, closed by `closeAll` after each test whatever happened:
 * `const sockets = trackedSockets(); afterEach(sockets.closeAll);`.
 */
export function trackedSockets() {
  const open = [];
  return {
    socketOf(player) {
      const socket = connect(player);
      open.push(socket);
      return socket;
    },
    closeAll() {
      open.splice(0).forEach((socket) => socket.disconnect());
    },
  };
}

/** Rejects when `promise` takes longer than `ms`. */
export function within(promise, what, ms = TIMEOUT * 2) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The HTTP status of a handshake the server refuses (or 101 when it upgrades). */
export function handshakeStatus(query, protocols) {
  return within(new Promise((resolve, reject) => {
    const ws = new WebSocket(`${SOCKET_URL}/websocket?${query}`, protocols);
    ws.on("upgrade", () => {
      ws.terminate();
      resolve(101);
    });
    ws.on("unexpected-response", (request, response) => {
      resolve(response.statusCode);
      request.destroy();
    });
    ws.on("error", (e) => (e.message.includes("Unexpected server response") ? null : reject(e)));
  }), `handshake ${query}`);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
