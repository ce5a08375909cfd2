"use client";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

/**
 * A button that shows and hides the panel after it (the WAI-ARIA disclosure pattern): opening moves
 * focus to the panel's first link or button, Escape closes it and gives focus back to the button, and
 * following a link closes it. Nothing traps focus: Tab leaves the panel like any other content.
 */
export function Disclosure({
  label,
  buttonClassName,
  panelClassName,
  className,
  children,
}: {
  label: React.ReactNode;
  buttonClassName: string;
  panelClassName: string;
  className?: string;
  children: React.ReactNode;
}) {
  const pathname = usePathname();
  // Remembered with the page it was opened on, so reaching another page closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>("a[href], button:not([disabled])")?.focus();
  }, [open]);

  return (
    <div
      className={className}
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !open) return;
        event.preventDefault();
        setOpenOn(null);
        button.current?.focus();
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        className={buttonClassName}
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        {label}
      </button>
      <div ref={panel} id={panelId} hidden={!open} className={panelClassName}>
        {children}
      </div>
    </div>
  );
}
