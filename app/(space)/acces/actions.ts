"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { grantFormSchema } from "@/lib/consent/access-schemas";
import { defineAction } from "@/lib/server/action/define-action";
import { blockProfessional } from "@/lib/server/consent/block-professional";
import { decideAccessRequest } from "@/lib/server/consent/decide-access-request";
import { endEmergencyAccess } from "@/lib/server/consent/end-emergency-access";
import { grantAccess } from "@/lib/server/consent/grant-access";
import { revokeAccess } from "@/lib/server/consent/revoke-access";
import { setAlertSettings } from "@/lib/server/consent/set-alert-settings";
import { setEmergencyAccess } from "@/lib/server/consent/set-emergency-access";
import { setTreatingDoctor } from "@/lib/server/consent/set-treating-doctor";
import { unblockProfessional } from "@/lib/server/consent/unblock-professional";

/**
 * The "Gestion des accès" actions. The policy here only asks for a full session: each service then
 * authorizes through the health-data decision (the patient's own consent, nobody else's).
 */
const access = { permission: "account:manage-own" } as const;

function refresh(professionalId?: string) {
  revalidatePath("/acces");
  if (professionalId) revalidatePath(`/acces/professionnels/${professionalId}`);
}

const professionalId = z.uuid();

/** Create or change a grant; the form sends repeated checkboxes as arrays (see GrantForm). */
export const grantAccessAction = defineAction({
  input: z.intersection(z.object({ professionalId }), grantFormSchema),
  access,
  run: async ({ input, ctx }) => {
    const result = await grantAccess(ctx, { ...input, patientId: ctx.actor.userId });
    refresh(input.professionalId);
    return result;
  },
});

export const acceptAccessRequestAction = defineAction({
  input: z.intersection(z.object({ requestId: z.uuid() }), grantFormSchema),
  access,
  run: async ({ input: { requestId, ...grant }, ctx }) => {
    const result = await decideAccessRequest(ctx, { patientId: ctx.actor.userId, requestId, accept: true, grant });
    refresh();
    return result;
  },
});

export const refuseAccessRequestAction = defineAction({
  input: z.object({ requestId: z.uuid() }),
  access,
  run: async ({ input, ctx }) => {
    const result = await decideAccessRequest(ctx, { patientId: ctx.actor.userId, requestId: input.requestId, accept: false });
    refresh();
    return result;
  },
});

export const revokeAccessAction = defineAction({
  input: z.object({ professionalId }),
  access,
  run: async ({ input, ctx }) => {
    const result = await revokeAccess(ctx, { ...input, patientId: ctx.actor.userId });
    refresh(input.professionalId);
    return result;
  },
});

export const endEmergencyAccessAction = defineAction({
  input: z.object({ professionalId }),
  access,
  run: async ({ input, ctx }) => {
    const result = await endEmergencyAccess(ctx, { ...input, patientId: ctx.actor.userId });
    refresh(input.professionalId);
    return result;
  },
});

export const blockProfessionalAction = defineAction({
  input: z.object({ professionalId }),
  access,
  run: async ({ input, ctx }) => {
    const result = await blockProfessional(ctx, { ...input, patientId: ctx.actor.userId });
    refresh(input.professionalId);
    return result;
  },
});

export const unblockProfessionalAction = defineAction({
  input: z.object({ professionalId }),
  access,
  run: async ({ input, ctx }) => {
    const result = await unblockProfessional(ctx, { ...input, patientId: ctx.actor.userId });
    refresh(input.professionalId);
    return result;
  },
});

/** An empty professionalId removes the médecin traitant. */
export const setTreatingDoctorAction = defineAction({
  input: z.object({ professionalId: z.union([professionalId, z.literal("").transform(() => null)]) }),
  access,
  run: async ({ input, ctx }) => {
    const result = await setTreatingDoctor(ctx, { ...input, patientId: ctx.actor.userId });
    refresh(input.professionalId ?? undefined);
    return result;
  },
});

const formBoolean = z.enum(["true", "false"]).transform((value) => value === "true");

export const setEmergencyAccessAction = defineAction({
  input: z.object({ enabled: formBoolean }),
  access,
  run: async ({ input, ctx }) => {
    await setEmergencyAccess(ctx, { ...input, patientId: ctx.actor.userId });
    refresh();
    return { enabled: input.enabled };
  },
});

/** An unticked checkbox sends nothing: absent means false. */
export const setAlertSettingsAction = defineAction({
  input: z.object({
    firstAccessByEmail: z
      .literal("on")
      .optional()
      .transform((value) => value === "on"),
  }),
  access,
  run: async ({ input, ctx }) => {
    await setAlertSettings(ctx, { ...input, patientId: ctx.actor.userId });
    refresh();
    return null;
  },
});
