/** What every server action returns to its form: data, or an error already in the user's language. */
export type ActionResult<T = null> =
  { ok: true; data: T } | { ok: false; code: string; message: string; fieldErrors?: Record<string, string> };
