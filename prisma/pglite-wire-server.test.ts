import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbeddedDatabase } from "./embedded-db";

describe("the embedded database's wire server", () => {
  it("keeps concurrent connections' queries apart, with their parameters and their results", async () => {
    const embedded = await startEmbeddedDatabase({ dataDir: "memory://" });
    const pool = new pg.Pool({ connectionString: embedded.url, max: 8 });
    try {
      // Different parameter counts on the unnamed statement: interleaved rounds would bind one
      // connection's parameters to another's statement and fail, or return the other's row.
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          i % 2 === 0
            ? pool.query("SELECT $1::int AS n, $2::text AS tag", [i, `t${i}`]).then((r) => [r.rows[0].n, r.rows[0].tag])
            : pool.query("SELECT $1::int AS n", [i]).then((r) => [r.rows[0].n, null]),
        ),
      );
      expect(results).toEqual(Array.from({ length: 200 }, (_, i) => [i, i % 2 === 0 ? `t${i}` : null]));
    } finally {
      await pool.end();
      await embedded.stop();
    }
  });

  it("keeps another connection out of an open transaction and rolls back one whose client left", async () => {
    const embedded = await startEmbeddedDatabase({ dataDir: "memory://" });
    const pool = new pg.Pool({ connectionString: embedded.url, max: 4 });
    try {
      await pool.query("CREATE TABLE t (v int)");
      const a = await pool.connect();
      await a.query("BEGIN");
      await a.query("INSERT INTO t VALUES (1)");
      const outside = pool.query("SELECT count(*)::int AS c FROM t");
      await a.query("ROLLBACK");
      a.release();
      expect((await outside).rows[0].c).toBe(0);

      const b = await pool.connect();
      await b.query("BEGIN");
      await b.query("INSERT INTO t VALUES (2)");
      b.release(true); // destroys the connection mid-transaction
      expect((await pool.query("SELECT count(*)::int AS c FROM t")).rows[0].c).toBe(0);
    } finally {
      await pool.end();
      await embedded.stop();
    }
  });
});
