import "server-only";
import { notFound } from "next/navigation";
import { requireFullSessionForPage } from "@/lib/server/auth/current-session";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { actorOf } from "@/lib/server/policy/policy";
import { professionalOf } from "@/lib/server/professional/professional-of";

/**
 * The first call of every professional page: a full session, then a professional record; anyone else
 * gets the same 404 as an unknown page (the space's existence is no secret, but there is nothing here for them).
 */
export async function requireProfessionalForPage(path: string) {
  const session = await requireFullSessionForPage(path);
  const actor = actorOf(session);
  try {
    return { session, actor, professional: await professionalOf(getDb(), actor) };
  } catch (error) {
    if (error instanceof AppError && (error.code === "FORBIDDEN" || error.code === "UNAUTHENTICATED")) notFound();
    throw error;
  }
}

/** A NOT_FOUND from a service is the page's 404, whatever the reason (unknown, blocked, not allowed). */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
