"use client";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

/**
 * A search form whose filters apply together with one button (a select that reloads a list on change
 * would move a screen-reader user's context without warning, RGAA 7.5), named by its heading, with a
 * button that clears every filter.
 */
export function FilterForm({
  titleId,
  title,
  headingLevel = 3,
  applyLabel,
  resetLabel,
  onApply,
  onReset,
  children,
}: {
  titleId: string;
  title: string;
  headingLevel?: 2 | 3;
  applyLabel: string;
  resetLabel: string;
  onApply: () => void;
  onReset: () => void;
  children: ReactNode;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <form
      role="search"
      aria-labelledby={titleId}
      className="space-y-4 rounded-lg border border-gray-300 bg-surface p-4"
      onSubmit={(event) => {
        event.preventDefault();
        onApply();
      }}
    >
      <Heading id={titleId} className="text-lg font-semibold">
        {title}
      </Heading>
      {children}
      <div className="flex flex-wrap gap-3">
        <Button type="submit">{applyLabel}</Button>
        <Button type="button" variant="secondary" onClick={onReset}>
          {resetLabel}
        </Button>
      </div>
    </form>
  );
}

/** A labelled select of a filter form; "" is the option meaning "any". */
export function SelectFilter({
  id,
  label,
  value,
  onChange,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <SelectField id={id} label={label} value={value} onChange={(event) => onChange(event.target.value)}>
      {children}
    </SelectField>
  );
}

/** From and to days; each bounds the other's picker. An emptied field is undefined. */
export function DateRangeFilter({
  idPrefix,
  fromLabel,
  toLabel,
  from,
  to,
  onChange,
}: {
  idPrefix: string;
  fromLabel: string;
  toLabel: string;
  from?: string;
  to?: string;
  onChange: (range: { from?: string; to?: string }) => void;
}) {
  return (
    <>
      <TextField
        id={`${idPrefix}-from`}
        label={fromLabel}
        type="date"
        value={from ?? ""}
        max={to}
        onChange={(event) => onChange({ from: event.target.value || undefined })}
      />
      <TextField
        id={`${idPrefix}-to`}
        label={toLabel}
        type="date"
        value={to ?? ""}
        min={from}
        onChange={(event) => onChange({ to: event.target.value || undefined })}
      />
    </>
  );
}
