import type { Db } from "@/lib/server/db";

/** The demo apps' registered OAuth clients (filled in with the authorization server). */
export async function seedDemoOAuthClients(db: Db): Promise<void> {
  void db;
}
