"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordEntryRefSchema, recordKindSchema } from "@/lib/schemas/record-entry";
import { defineAction } from "@/lib/server/action/define-action";
import { addRecordEntry } from "@/lib/server/record/add-record-entry";
import { deleteRecordEntry } from "@/lib/server/record/delete-record-entry";
import { editRecordEntry } from "@/lib/server/record/edit-record-entry";
import { setRecordEntryHidden } from "@/lib/server/record/set-record-entry-hidden";

/**
 * The patient's own profile. The policy only asks for a full session: each service then asks the
 * health decision (the patient's own space, authorship for edits and deletes). The kind's fields are
 * parsed by the service with the kind's schema, whose refusals name the field (parse-record-fields.ts).
 */
const access = { permission: "session:full" } as const;

/** The form names the table in `recordKind`: a directive has a field of its own called `kind`. */
export const addRecordEntryAction = defineAction({
  input: z.looseObject({ recordKind: recordKindSchema }),
  access,
  run: async ({ input: { recordKind, ...fields }, ctx }) => {
    await addRecordEntry(ctx, { patientId: ctx.actor.userId, kind: recordKind, fields: fields as never });
    revalidatePath("/profil");
    return null;
  },
});

export const editRecordEntryAction = defineAction({
  input: z.looseObject({ recordKind: recordKindSchema, entryId: recordEntryRefSchema.shape.entryId }),
  access,
  run: async ({ input: { recordKind, entryId, ...fields }, ctx }) => {
    await editRecordEntry(ctx, { kind: recordKind, entryId, fields: fields as never });
    revalidatePath("/profil");
    return null;
  },
});

export const deleteRecordEntryAction = defineAction({
  input: recordEntryRefSchema,
  access,
  run: async ({ input, ctx }) => {
    await deleteRecordEntry(ctx, input);
    revalidatePath("/profil");
    return null;
  },
});

export const setRecordEntryHiddenAction = defineAction({
  input: recordEntryRefSchema.extend({ hidden: z.enum(["true", "false"]).transform((value) => value === "true") }),
  access,
  run: async ({ input, ctx }) => {
    await setRecordEntryHidden(ctx, input);
    revalidatePath("/profil");
    return null;
  },
});
