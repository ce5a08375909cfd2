"use server";

import { revalidatePath } from "next/cache";
import { appFormSchema } from "@/lib/catalogue/app-form-schema";
import { dataUseSchema } from "@/lib/catalogue/data-use-schema";
import { criteriaReviewSchema, decisionSchema, resolveReportSchema } from "@/lib/catalogue/curation-schemas";
import { registerClientSchema, revokeClientSchema } from "@/lib/catalogue/oauth-client-schemas";
import { defineAction } from "@/lib/server/action/define-action";
import { createCatalogueApp } from "@/lib/server/catalogue/create-app";
import { changeAppDataUse } from "@/lib/server/catalogue/change-app-data-use";
import { decideAppStatus } from "@/lib/server/catalogue/decide-app-status";
import { registerOAuthClient, revokeOAuthClient } from "@/lib/server/catalogue/oauth-clients";
import { resolveReport } from "@/lib/server/catalogue/resolve-report";
import { reviewCriteria } from "@/lib/server/catalogue/review-criteria";
import { requireStaff } from "@/lib/server/staff/require-staff";

/** The curators' actions: the policy lets CURATOR through, requireStaff names them for the audit log. */
const access = { permission: "catalogue:curate" } as const;

function refresh(appId?: string, slug?: string) {
  revalidatePath("/admin/catalogue");
  if (appId) revalidatePath(`/admin/catalogue/${appId}`);
  if (slug) revalidatePath(`/catalogue/${slug}`);
  revalidatePath("/catalogue");
}

export const createAppAction = defineAction({
  input: appFormSchema,
  access,
  run: async ({ input, ctx }) => {
    const staff = await requireStaff("catalogue:curate");
    const app = await createCatalogueApp(ctx, { proposer: { kind: "curator", staff }, input });
    refresh(app.id);
    return { slug: app.slug };
  },
});

export const reviewCriteriaAction = defineAction({
  input: criteriaReviewSchema,
  access,
  run: async ({ input, ctx }) => {
    const staff = await requireStaff("catalogue:curate");
    const result = await reviewCriteria(ctx, { staff, input });
    refresh(input.appId);
    return result;
  },
});

export const decideAppStatusAction = defineAction({
  input: decisionSchema,
  access,
  run: async ({ input, ctx }) => {
    const staff = await requireStaff("catalogue:curate");
    const result = await decideAppStatus(ctx, { staff, input });
    refresh(input.appId);
    revalidatePath("/services-connectes");
    return result;
  },
});

/** A new referenced version of what the app asks for; connected patients asked for more are told. */
export const changeAppDataUseAction = defineAction({
  input: dataUseSchema,
  access,
  run: async ({ input, ctx }) => {
    const staff = await requireStaff("catalogue:curate");
    const result = await changeAppDataUse(ctx, { staff, input });
    refresh(input.appId);
    revalidatePath("/services-connectes");
    return result;
  },
});

export const resolveReportAction = defineAction({
  input: resolveReportSchema,
  access,
  run: async ({ input, ctx }) => {
    const staff = await requireStaff("catalogue:curate");
    await resolveReport(ctx, { staff, reportId: input.reportId });
    refresh();
    return null;
  },
});

/** Registers an OAuth client for the app; a confidential client's secret is in this answer only. */
export const registerClientAction = defineAction({
  input: registerClientSchema,
  access,
  run: async ({ input, ctx }) => {
    const staff = await requireStaff("catalogue:curate");
    const registered = await registerOAuthClient(ctx, { staff, ...input });
    refresh(input.appId);
    return registered;
  },
});

export const revokeClientAction = defineAction({
  input: revokeClientSchema,
  access,
  run: async ({ input, ctx }) => {
    const staff = await requireStaff("catalogue:curate");
    const result = await revokeOAuthClient(ctx, { staff, ...input });
    refresh(input.appId);
    return result;
  },
});
