import "server-only";
import type { Ctx } from "@/lib/server/context/ctx";

/** The outbox as the development page shows it: the latest messages, newest first. */
export async function listRecentMessages({ db }: Ctx, { take = 50 }: { take?: number } = {}) {
  return db.outboundMessage.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, channel: true, recipient: true, subject: true, body: true, createdAt: true, sentAt: true },
  });
}
