/**
 * Serves one PGlite to many TCP connections without mixing their
 * queries. PGlite has a single backend session, so a client's extended-protocol round
 * (Parse/Bind/Describe/Execute … Sync) must reach it uninterrupted: pglite-socket 0.2.17 queues
 * each MESSAGE separately, so two connections' rounds interleave and one binds the other's unnamed
 * statement ("bind message supplies 3 parameters, but prepared statement "" requires 2", or worse,
 * the wrong rows). Here a whole round runs under one lock, and a connection that leaves a
 * transaction open keeps the lock until it ends it (so code must not, inside a transaction, wait on
 * a query of another connection: on PGlite that would wait forever; on a real server it is a smell too).
 */
import { createServer, type Server, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
/** Messages after which the client waits for an answer: Sync, simple Query, Flush, Terminate. */
const ROUND_ENDS = new Set(["S", "Q", "H", "X"].map((c) => c.charCodeAt(0)));

export async function servePglite(
  db: PGlite,
  { host, port, maxConnections }: { host: string; port: number; maxConnections: number },
): Promise<{ server: Server; port: number; stop: () => Promise<void> }> {
  let tail: Promise<void> = Promise.resolve();
  let holder: symbol | null = null;
  let releaseHeld: (() => void) | null = null;

  /** Runs one round under the global lock; keeps the lock for a connection inside a transaction. */
  function runRound(owner: symbol, round: Uint8Array, write: (bytes: Uint8Array) => void): Promise<void> {
    const execute = async () => {
      await db.execProtocolRawStream(round, { onRawData: write });
      if (db.isInTransaction()) return true;
      return false;
    };
    if (holder === owner) {
      return execute().then((stillOpen) => {
        if (!stillOpen) {
          holder = null;
          releaseHeld?.();
          releaseHeld = null;
        }
      });
    }
    const previous = tail;
    let release!: () => void;
    tail = new Promise<void>((resolve) => (release = resolve));
    return previous.then(async () => {
      try {
        const stillOpen = await execute();
        if (stillOpen) {
          holder = owner;
          releaseHeld = release;
          return;
        }
      } catch (error) {
        release();
        throw error;
      }
      release();
    });
  }

  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    if (sockets.size >= maxConnections) return void socket.end("Too many connections\n");
    sockets.add(socket);
    socket.setNoDelay(true);
    const owner = Symbol("connection");
    let buffer = Buffer.alloc(0);
    let pending: Buffer[] = [];
    let started = false;
    let work = Promise.resolve();
    const write = (bytes: Uint8Array) => {
      if (bytes.length > 0 && socket.writable) socket.write(bytes);
    };
    const close = () => {
      sockets.delete(socket);
      work = work.then(async () => {
        if (holder === owner) {
          await db.exec("ROLLBACK").catch(() => {});
          holder = null;
          releaseHeld?.();
          releaseHeld = null;
        }
      });
    };
    socket.on("close", close);
    socket.on("error", () => socket.destroy());
    socket.on("data", (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          // Untyped messages: SSL request, cancel request, startup.
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) return;
          const code = buffer.readInt32BE(4);
          const message = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          if (code === SSL_REQUEST) {
            socket.write("N");
            continue;
          }
          if (code === CANCEL_REQUEST) continue;
          started = true;
          const round = new Uint8Array(message);
          work = work.then(() => runRound(owner, round, write)).catch(() => void socket.destroy());
          continue;
        }
        if (buffer.length < 5) return;
        const length = 1 + buffer.readInt32BE(1);
        if (buffer.length < length) return;
        const type = buffer[0];
        pending.push(Buffer.from(buffer.subarray(0, length)));
        buffer = buffer.subarray(length);
        if (!ROUND_ENDS.has(type)) continue;
        if (type === "X".charCodeAt(0)) {
          pending = [];
          socket.end();
          return;
        }
        const round = new Uint8Array(Buffer.concat(pending));
        pending = [];
        work = work.then(() => runRound(owner, round, write)).catch(() => void socket.destroy());
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    server,
    port: actualPort,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
