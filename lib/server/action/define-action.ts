import "server-only";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { nulPath } from "@/lib/schemas/boundary";
import { headers } from "next/headers";
import { getCurrentSession, type CurrentSession } from "@/lib/server/auth/current-session";
import { isRecentlyAuthenticated } from "@/lib/server/auth/reauth/is-recently-authenticated";
import { requestCtx, type Ctx, type SignedInCtx } from "@/lib/server/context/ctx";
import { AppError, asAppError, renderAppError } from "@/lib/server/errors";
import { logger } from "@/lib/server/logger";
import { requestUncheckedTranslator } from "@/lib/server/request-translator";
import { actorOf, authorize, type Permission } from "@/lib/server/policy/policy";
import type { ActionResult } from "./action-result";

type Access = { permission: Permission; recentAuthentication?: boolean } | { public: true };

type Session<A extends Access> = A extends { public: true } ? CurrentSession | null : CurrentSession;

/** A public action may run for nobody; any other has passed the policy, so someone is signed in. */
type ActionCtx<A extends Access> = A extends { public: true } ? Ctx : SignedInCtx;

/**
 * Form fields, without the ones React adds for progressive enhancement; null when the argument is
 * neither a form nor a record (a forged call can send any JSON value).
 */
function fieldsOf(raw: unknown): Record<string, unknown> | null {
  if (!(raw instanceof FormData))
    return raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  const fields: Record<string, unknown> = {};
  for (const [key, value] of raw.entries()) if (!key.startsWith("$ACTION")) fields[key] = value;
  return fields;
}

/**
 * Every server action goes through here: parse the input with zod, load the session, ask the policy,
 * check that the sign-in is recent for sensitive changes, run the service with the request's one
 * context, and turn any error into a typed result with a translated message (renderAppError). Never a
 * stack trace, never a value the person typed.
 */
export function defineAction<S extends z.ZodType, T, A extends Access>(definition: {
  input: S;
  access: A;
  run: (args: { input: z.output<S>; session: Session<A>; ctx: ActionCtx<A> }) => Promise<T>;
}) {
  return async function action(_previous: ActionResult<T> | null, raw: FormData | Record<string, unknown>): Promise<ActionResult<T>> {
    const t = await getTranslations();
    const failure = (code: string, message: string, fieldErrors?: Record<string, string>): ActionResult<T> => ({
      ok: false,
      code,
      message,
      fieldErrors,
    });
    let ctx: Ctx | undefined;
    try {
      const fields = fieldsOf(raw);
      if (fields === null) return failure("BAD_REQUEST", t("errors.BAD_REQUEST"));
      // No database text can hold a NUL: refused here for every action, whatever its schema says.
      const nul = nulPath(fields);
      if (nul !== null) return failure("BAD_REQUEST", t("errors.BAD_REQUEST"), { [nul.split(".")[0] || "form"]: t("errors.BAD_REQUEST") });
      const parsed = definition.input.safeParse(fields);
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        const keys = await requestUncheckedTranslator();
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? "form");
          // Schemas name an i18n key in their messages ("auth.form.emailInvalid"); zod's own are generic.
          fieldErrors[field] ??= keys.has(issue.message) ? keys(issue.message) : t("errors.BAD_REQUEST");
        }
        return failure("BAD_REQUEST", t("errors.BAD_REQUEST"), fieldErrors);
      }
      const session = await getCurrentSession();
      if (!("public" in definition.access)) {
        authorize(actorOf(session), definition.access.permission);
        if (definition.access.recentAuthentication && !isRecentlyAuthenticated(session!)) {
          throw new AppError("REAUTHENTICATION_REQUIRED");
        }
      }
      ctx = requestCtx(await headers(), actorOf(session));
      const data = await definition.run({ input: parsed.data, session: session as Session<A>, ctx: ctx as ActionCtx<A> });
      return { ok: true, data };
    } catch (caught) {
      if (asAppError(caught)) {
        const { code, message, field } = renderAppError(caught, await requestUncheckedTranslator());
        return failure(code, message, field ? { [field]: message } : undefined);
      }
      // redirect() and notFound() work by throwing; they must reach Next.js untouched.
      if (
        caught &&
        typeof caught === "object" &&
        "digest" in caught &&
        typeof caught.digest === "string" &&
        /^NEXT_(REDIRECT|HTTP_ERROR)/.test(caught.digest)
      )
        throw caught;
      (ctx?.log ?? logger).error(
        { event: "action_failed", errorName: caught instanceof Error ? caught.name : "unknown" },
        "server action failed",
      );
      return failure("INTERNAL", t("errors.INTERNAL"));
    }
  };
}
