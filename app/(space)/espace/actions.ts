"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/server/action/define-action";
import { setDocumentPinned } from "@/lib/server/documents/set-document-pinned";

export const togglePinAction = defineAction({
  input: z.object({ documentId: z.uuid(), pinned: z.enum(["true", "false"]).transform((v) => v === "true") }),
  // setDocumentPinned decides with the health authorization module, which knows the document's owner.
  access: { permission: "session:full" },
  async run({ input, ctx }) {
    await setDocumentPinned(ctx, { documentId: input.documentId, pinned: input.pinned });
    revalidatePath("/espace");
    return null;
  },
});
