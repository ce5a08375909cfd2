import "server-only";
import type { Db } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";

export type Health = { status: "ok" | "unavailable"; database: "up" | "down" };

/** A load balancer's question: can this instance serve? It can when its database answers. */
export async function checkHealth(db: Pick<Db, "$queryRaw">, timeoutMs = 2000): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("database check timed out")), timeoutMs);
  });
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return { status: "ok", database: "up" };
  } catch (error) {
    logger.warn(
      { event: "health_database_down", errorName: (error as Error).name, errorMessage: (error as Error).message },
      "database unreachable",
    );
    return { status: "unavailable", database: "down" };
  } finally {
    clearTimeout(timer);
  }
}
