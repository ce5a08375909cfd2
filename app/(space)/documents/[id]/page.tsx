import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DocumentDetailView } from "@/components/vault/document-detail-view";
import { requireFullSessionForPage } from "@/lib/server/auth/current-session";
import { getDb } from "@/lib/server/db";
import { findOwnedDocument } from "@/lib/server/documents/find-owned-document";
import { AppError } from "@/lib/server/errors";
import { actorOf } from "@/lib/server/policy/policy";
import { ClientMessages } from "@/lib/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  // The title is health data: it stays out of the tab's name (and of history and bookmarks).
  return { title: (await getTranslations("documents"))("title") };
}

export default async function DocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await requireFullSessionForPage(`/documents/${encodeURIComponent(id)}`);
  // Someone else's document answers 404, like one that does not exist; the data itself comes from the API.
  try {
    await findOwnedDocument(getDb(), actorOf(session), id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  return (
    <ClientMessages
      namespaces={[
        "documents.actionError",
        "documents.detail",
        "documents.edit",
        "documents.list",
        "documents.loading",
        "documents.report",
        "documents.title",
        "documents.upload",
        "space.categories",
        "tickets.documentReport",
      ]}
    >
      <DocumentDetailView id={id} />
    </ClientMessages>
  );
}
