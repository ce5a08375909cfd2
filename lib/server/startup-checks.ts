import "server-only";
import { ConfigError, getConfig } from "./config";

// Validate the configuration before the first request, so a wrong variable stops the server with a
// sentence that names it instead of failing later inside a page.
try {
  getConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
