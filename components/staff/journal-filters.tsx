import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { STAFF_ACTIONS } from "@/lib/server/admin/audit-log-filters";
import { describeAuditAction, type StaffTranslator } from "@/lib/server/admin/describe-audit-entry";

/**
 * The audit log's filters as a plain GET form, so the filtered view lives in the address (shareable,
 * exported as it is). Fields show what the address holds, even when it did not parse.
 */
export async function JournalFilters({ raw, translate }: { raw: (key: string) => string; translate: StaffTranslator }) {
  const t = await getTranslations("staff.journal");
  return (
    <form method="get" className="space-y-4 rounded border border-slate-200 p-4">
      <fieldset className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <legend className="mb-2 text-lg font-semibold">{t("filters.legend")}</legend>
        <TextField
          id="journal-staff"
          name="staff"
          label={t("filters.staff")}
          hint={t("filters.staffHint")}
          defaultValue={raw("staff")}
          autoComplete="off"
        />
        <SelectField id="journal-action" name="action" label={t("filters.action")} defaultValue={raw("action")}>
          <option value="">{t("filters.anyAction")}</option>
          {STAFF_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {describeAuditAction(action, translate)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="journal-target"
          name="target"
          label={t("filters.target")}
          hint={t("filters.targetHint")}
          defaultValue={raw("target")}
          autoComplete="off"
        />
        <TextField id="journal-from" name="from" type="date" label={t("filters.from")} defaultValue={raw("from")} />
        <TextField id="journal-to" name="to" type="date" label={t("filters.to")} defaultValue={raw("to")} />
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit">{t("filters.submit")}</Button>
        <Link href="/admin/journal" className="text-brand underline">
          {t("filters.reset")}
        </Link>
      </div>
    </form>
  );
}
