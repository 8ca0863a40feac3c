// Records are read in the UK: times are shown in UK time whatever the device's own zone says.
const TIME_ZONE = 'Europe/London';

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: TIME_ZONE,
});
const dateOnly = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "22 November 2026, 14:30" in UK time (composed from parts: ICU versions differ on "at" or ","). A value that
 * is not a date-time is shown as written, never hidden or replaced by "Invalid Date". */
export function formatDateTime(value: string): string {
  const t = Date.parse(value);
  if (Number.isNaN(t)) return value;
  const part = Object.fromEntries(dateTimeParts.formatToParts(t).map((p) => [p.type, p.value]));
  return `${part.day} ${part.month} ${part.year}, ${part.hour}:${part.minute}`;
}

/** "22 November 2026" for a `date` (a calendar day, no time zone). */
export function formatDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const t = Date.parse(`${value}T00:00:00Z`);
  return Number.isNaN(t) ? value : dateOnly.format(t);
}

const numbers = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 20 });

export function formatNumber(value: number): string {
  return numbers.format(value);
}
