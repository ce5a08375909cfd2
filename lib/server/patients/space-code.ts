import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { newSpaceCode } from "@/lib/identifiers/space-code";
import type { Db } from "@/lib/server/db";

const ATTEMPTS = 5;

/**
 * The patient's space code ("ENS-…"), which they give a professional with their birth date instead of
 * their NIR; made the first time it is needed. Codes are random, so two patients may draw the same one:
 * the unique index refuses the second and another is drawn. Only a missing code is ever written, so
 * two concurrent first views agree on the one that landed.
 */
export async function ensureSpaceCode(db: Pick<Db, "user">, userId: string, draw: () => string = newSpaceCode): Promise<string> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { spaceCode: true } });
    if (current.spaceCode) return current.spaceCode;
    const code = draw();
    try {
      const { count } = await db.user.updateMany({ where: { id: userId, spaceCode: null }, data: { spaceCode: code } });
      if (count === 1) return code;
      // count 0: a concurrent request wrote one first; the next turn reads it.
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  }
  throw new Error(`No free space code after ${ATTEMPTS} draws.`);
}
