import type { ReactNode } from "react";

export type DataTableRow = {
  key: string;
  cells: ReactNode[];
  testId?: string;
};

/**
 * A table a screen reader can walk by column: a caption (read out, not shown), column headers, and
 * optionally one cell per row announced as that row's header (`rowHeader`, e.g. a subject or a type).
 * Wide tables scroll sideways instead of overflowing the page. `nowrap` names columns (by index)
 * whose content must stay on one line, such as dates.
 */
export function DataTable({
  caption,
  headers,
  rows,
  rowHeader,
  nowrap = [],
  testId,
}: {
  caption: string;
  headers: ReactNode[];
  rows: DataTableRow[];
  rowHeader?: number;
  nowrap?: number[];
  testId?: string;
}) {
  const cellClass = (index: number) =>
    `py-2 ${index < headers.length - 1 ? "pr-4" : ""} ${nowrap.includes(index) ? "whitespace-nowrap" : ""}`.trim();
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-gray-400">
            {headers.map((header, index) => (
              <th key={index} scope="col" className={cellClass(index)}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-testid={row.testId} className="border-b border-gray-300">
              {row.cells.map((cell, index) =>
                index === rowHeader ? (
                  <th key={index} scope="row" className={`${cellClass(index)} font-normal`}>
                    {cell}
                  </th>
                ) : (
                  <td key={index} className={cellClass(index)}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
