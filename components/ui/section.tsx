import type { ReactNode } from "react";

/**
 * A page section named by its heading. `focusable` makes the heading a focus target (tabIndex -1):
 * where an action removes the row that held the focus, the focus is moved to its section's heading.
 */
export function Section({
  id,
  title,
  focusable = false,
  children,
}: {
  id: string;
  title: string;
  focusable?: boolean;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-4">
      <h2 id={id} tabIndex={focusable ? -1 : undefined} className="text-2xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}
