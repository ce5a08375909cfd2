"use server";

import { revalidatePath } from "next/cache";
import { appFormSchema } from "@/lib/catalogue/app-form-schema";
import { reportSchema } from "@/lib/catalogue/curation-schemas";
import { defineAction } from "@/lib/server/action/define-action";
import { createCatalogueApp } from "@/lib/server/catalogue/create-app";
import { reportApp } from "@/lib/server/catalogue/report-app";

/** "Signaler ce service": any signed-in person (both factors), counted per account in the service. */
export const reportAppAction = defineAction({
  input: reportSchema,
  access: { permission: "session:full" },
  run: async ({ input, ctx }) => reportApp(ctx, input),
});

/** A publisher proposes an app: it waits, SUBMITTED, for the curators; nothing is public yet. */
export const proposeAppAction = defineAction({
  input: appFormSchema,
  access: { permission: "session:full" },
  run: async ({ input, session, ctx }) => {
    const app = await createCatalogueApp(ctx, { proposer: { kind: "publisher", userId: session.user.id }, input });
    revalidatePath("/admin/catalogue");
    return { slug: app.slug };
  },
});
