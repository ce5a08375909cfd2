/** A form-level message, announced when it appears (role=alert for errors, status otherwise). */
export function FormAlert({ kind = "error", children }: { kind?: "error" | "success" | "info"; children: React.ReactNode }) {
  const styles = {
    error: "border-red-700 bg-red-50 text-red-900",
    success: "border-green-700 bg-green-50 text-green-900",
    info: "border-brand bg-brand-light text-ink",
  };
  return (
    <div role={kind === "error" ? "alert" : "status"} className={`rounded border-l-4 px-4 py-3 ${styles[kind]}`}>
      {children}
    </div>
  );
}
