import "server-only";
import { appFormSchema } from "@/lib/catalogue/app-form-schema";
import { CATALOGUE_SYSTEM_TEXTS } from "@/lib/catalogue/system-texts";
import { Prisma } from "@/lib/generated/prisma/client";
import { foldForSearch } from "@/lib/server/consent/search-directory";
import type { Ctx } from "@/lib/server/context/ctx";
import { recordStaffAction } from "@/lib/server/staff/record-staff-action";
import type { StaffActor } from "@/lib/server/staff/require-staff";
import { CURATION_TEAM_LABEL } from "./curation-team";

/** Who proposes: a publisher through the public form, or a curator entering an app themselves. */
export type Proposer = { kind: "publisher"; userId: string } | { kind: "curator"; staff: StaffActor };

export function slugBase(name: string): string {
  const base = foldForSearch(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return base || "service";
}

/**
 * Creates a SUBMITTED app with its first decision (and, for a curator, the staff audit entry) in one
 * transaction. The slug comes from the name, made unique with a number; two proposals racing for the
 * same slug meet the unique index and the second one takes the next number.
 */
export async function createCatalogueApp(
  { db, ip, now }: Ctx,
  { proposer, input }: { proposer: Proposer; input: unknown },
): Promise<{ id: string; slug: string }> {
  const values = appFormSchema.parse(input);
  const base = slugBase(values.name);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const taken = new Set(
          (await tx.catalogApp.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((row) => row.slug),
        );
        let slug = base;
        for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
        const purposes = Object.fromEntries(
          values.scopes
            .filter((scope) => values.purposes[scope]?.fr)
            .map((scope) => [
              scope,
              {
                fr: values.purposes[scope].fr,
                en: values.purposes[scope].en ?? values.purposes[scope].fr,
                optional: values.purposes[scope].optional,
              },
            ]),
        );
        const app = await tx.catalogApp.create({
          data: {
            slug,
            name: values.name,
            publisher: values.publisher,
            contactEmail: values.contactEmail.toLowerCase(),
            websiteUrl: values.websiteUrl,
            androidUrl: values.androidUrl ?? null,
            iosUrl: values.iosUrl ?? null,
            termsUrl: values.termsUrl ?? null,
            theme: values.theme,
            priceModel: values.priceModel,
            medicalDevice: values.medicalDevice,
            connectedDevice: values.connectedDevice,
            // English falls back to French until the publisher gives a translation.
            summaryFr: values.summaryFr,
            summaryEn: values.summaryEn ?? values.summaryFr,
            descriptionFr: values.descriptionFr,
            descriptionEn: values.descriptionEn ?? values.descriptionFr,
            regions: values.regions,
            requestedScopes: values.scopes,
            scopePurposes: purposes,
            documentCategories: values.categories,
            screenshots: [],
            status: "SUBMITTED",
            statusChangedAt: now(),
            submittedById: proposer.kind === "publisher" ? proposer.userId : null,
          },
          select: { id: true, slug: true },
        });
        await tx.catalogDecision.create({
          data: {
            appId: app.id,
            status: "SUBMITTED",
            reason: proposer.kind === "publisher" ? CATALOGUE_SYSTEM_TEXTS.proposedByPublisher : CATALOGUE_SYSTEM_TEXTS.enteredByCurators,
            actorId: proposer.kind === "publisher" ? proposer.userId : proposer.staff.userId,
            actorLabel: proposer.kind === "publisher" ? values.publisher : CURATION_TEAM_LABEL,
          },
        });
        if (proposer.kind === "curator") {
          await recordStaffAction(tx, {
            staff: proposer.staff,
            action: "CATALOG_APP_CREATED",
            target: { appId: app.id, label: values.name },
            details: { slug },
            ipAddress: ip,
          });
        }
        return app;
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
  throw new Error("Could not find a free slug for a catalogue app.");
}
