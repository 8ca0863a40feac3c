/** ISO-8601 instant → the value of an `<input type="datetime-local">` in the browser's time zone, to the minute
 * (seconds only when the stored value has them). An unreadable value shows as empty rather than as a wrong time. */
export function isoToLocalInput(iso: unknown): string {
  if (typeof iso !== 'string' || iso === '') return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  const base = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
  return d.getSeconds() ? `${base}:${p(d.getSeconds())}` : base;
}

/** The input's local date and time → an ISO-8601 instant in UTC (`2026-11-22T14:30:00.000Z`); `undefined` when the
 * input is empty or incomplete. */
export function localInputToIso(local: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(local)) return undefined;
  const d = new Date(local); // no offset in the string: read as local time (ECMAScript date-time form)
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
