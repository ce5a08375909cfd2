/** Runs once when a server instance starts, before it serves anything. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./lib/server/startup-checks");
}
