import { AppError } from "@/lib/server/errors";
import { errorResponse } from "@/lib/server/http/json-route";

/**
 * Where the proxy sends an API path whose escapes are not UTF-8 (lib/http/malformed-path.ts): such a
 * path names nothing, so it is the API's usual 404 `{ code, message }`, whatever the method.
 */
const notFound = () => errorResponse(new AppError("NOT_FOUND", "Malformed path."));

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
