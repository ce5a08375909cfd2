"use client";
import { usePathname } from "next/navigation";
import { createContext, use, useEffect, useId, useRef, useState } from "react";

/**
 * A button that shows and hides a panel (the WAI-ARIA disclosure pattern): opening moves focus to the
 * panel's first link or button, Escape closes it and gives focus back to the button, and following a
 * link closes it. Nothing traps focus: Tab leaves the panel like any other content.
 *
 * In parts, so the button and the panel may sit apart in the page (the shell's menu button in the top
 * bar, its navigation in a grid cell of its own that is the desktop's column): DisclosureRoot holds the
 * state and listens for Escape around both. `Disclosure` is the usual button-then-panel.
 */
type State = {
  open: boolean;
  toggle: () => void;
  button: React.RefObject<HTMLButtonElement | null>;
  panel: React.RefObject<HTMLDivElement | null>;
  panelId: string;
};

const DisclosureContext = createContext<State | null>(null);

function useDisclosure(): State {
  const state = use(DisclosureContext);
  if (!state) throw new Error("A disclosure's button and panel go inside a DisclosureRoot.");
  return state;
}

export function DisclosureRoot({ className, children }: { className?: string; children: React.ReactNode }) {
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
    <DisclosureContext value={{ open, toggle: () => setOpenOn(open ? null : pathname), button, panel, panelId }}>
      <div
        className={className}
        onKeyDown={(event) => {
          // A disclosure inside this one (the account menu in the top bar) closes first, and alone.
          if (event.key !== "Escape" || !open || event.defaultPrevented) return;
          event.preventDefault();
          setOpenOn(null);
          button.current?.focus();
        }}
      >
        {children}
      </div>
    </DisclosureContext>
  );
}

export function DisclosureButton({ className, children }: { className: string; children: React.ReactNode }) {
  const { open, toggle, button, panelId } = useDisclosure();
  return (
    <button ref={button} type="button" aria-expanded={open} aria-controls={panelId} className={className} onClick={toggle}>
      {children}
    </button>
  );
}

/**
 * The panel; `closedClassName` is how it looks closed ("hidden", or "hidden lg:block" for a panel that
 * is always shown from some width on, where its button is not drawn).
 */
export function DisclosurePanel({
  className,
  closedClassName = "hidden",
  children,
}: {
  className: string;
  closedClassName?: string;
  children: React.ReactNode;
}) {
  const { open, panel, panelId } = useDisclosure();
  return (
    <div ref={panel} id={panelId} className={open ? className : `${className} ${closedClassName}`}>
      {children}
    </div>
  );
}

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
  return (
    <DisclosureRoot className={className}>
      <DisclosureButton className={buttonClassName}>{label}</DisclosureButton>
      <DisclosurePanel className={panelClassName}>{children}</DisclosurePanel>
    </DisclosureRoot>
  );
}
