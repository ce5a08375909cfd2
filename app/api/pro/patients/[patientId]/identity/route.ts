import { z } from "zod";
import { jsonRoute, readJson } from "@/lib/server/http/json-route";
import { qualifyIdentityInPerson } from "@/lib/server/identity/qualify-identity-in-person";

// The shape only: the service checks the values, so that each refusal gets its own message.
const body = z.object({ nir: z.string().max(30), documentType: z.string().max(40), checked: z.boolean() });

/** A professional qualifies the patient's identity after checking an identity document in person. */
export const POST = jsonRoute<{ patientId: string }>(async (ctx, { request, params: { patientId } }) =>
  qualifyIdentityInPerson(ctx, { ...(await readJson(request, body)), patientId } as never),
);
