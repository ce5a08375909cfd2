import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { fieldClass, labelClass } from "@/components/ui/field-classes";
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
        <div>
          <label htmlFor="journal-staff" className={labelClass}>{t("filters.staff")}</label>
          <p id="journal-staff-hint" className="mt-1 text-sm text-muted">{t("filters.staffHint")}</p>
          <input id="journal-staff" name="staff" defaultValue={raw("staff")} aria-describedby="journal-staff-hint" autoComplete="off" className={fieldClass} />
        </div>
        <div>
          <label htmlFor="journal-action" className={labelClass}>{t("filters.action")}</label>
          <select id="journal-action" name="action" defaultValue={raw("action")} className={fieldClass}>
            <option value="">{t("filters.anyAction")}</option>
            {STAFF_ACTIONS.map((action) => (
              <option key={action} value={action}>{describeAuditAction(action, translate)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="journal-target" className={labelClass}>{t("filters.target")}</label>
          <p id="journal-target-hint" className="mt-1 text-sm text-muted">{t("filters.targetHint")}</p>
          <input id="journal-target" name="target" defaultValue={raw("target")} aria-describedby="journal-target-hint" autoComplete="off" className={fieldClass} />
        </div>
        <div>
          <label htmlFor="journal-from" className={labelClass}>{t("filters.from")}</label>
          <input id="journal-from" name="from" type="date" defaultValue={raw("from")} className={fieldClass} />
        </div>
        <div>
          <label htmlFor="journal-to" className={labelClass}>{t("filters.to")}</label>
          <input id="journal-to" name="to" type="date" defaultValue={raw("to")} className={fieldClass} />
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit">{t("filters.submit")}</Button>
        <Link href="/admin/journal" className="text-brand underline">{t("filters.reset")}</Link>
      </div>
    </form>
  );
}
