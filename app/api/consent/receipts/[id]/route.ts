import { getFormatter, getTranslations } from "next-intl/server";
import { getReceipt } from "@/lib/server/consent/get-receipt";
import { renderReceiptText } from "@/lib/server/consent/render-receipt";
import { jsonRoute } from "@/lib/server/http/json-route";
import { contentDisposition } from "@/lib/vault/content-disposition";

/**
 * A consent receipt to keep, as plain text in the reader's language: what was decided, for whom,
 * from when to when, by whom, when. Its patient's alone (anyone else: 404); an attachment, never
 * sniffed, never cached.
 */
export const GET = jsonRoute<{ id: string }>(async (ctx, { params: { id } }) => {
  const receipt = await getReceipt(ctx, { patientId: ctx.actor.userId, receiptId: id });
  const [t, tCategories, tDirectory, format] = await Promise.all([
    getTranslations("access.receipt"),
    getTranslations("space.categories"),
    getTranslations("directory"),
    getFormatter(),
  ]);
  const body = renderReceiptText(receipt, {
    t: (key, values) => t(key, values),
    category: (category) => tCategories(category),
    directory: tDirectory,
    dateTime: (date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short" }),
    date: (date) => format.dateTime(date, { dateStyle: "long" }),
  });
  const fileName = t("fileName", { date: receipt.createdAt.toISOString().slice(0, 10) });
  return new Response(body, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": contentDisposition(fileName, "attachment"),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store, private",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
});
