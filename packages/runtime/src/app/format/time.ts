// Staff are in the UK: times are shown in UK time whatever the device's own zone says.
const TIME_ZONE = 'Europe/London';

const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });
const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: TIME_ZONE,
});

const day = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  timeZone: TIME_ZONE,
});

/** Whether two instants fall on the same calendar day in the UK. False when either is unreadable. */
export function sameUkDay(a: string, b: string): boolean {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return !Number.isNaN(ta) && !Number.isNaN(tb) && day.format(ta) === day.format(tb);
}

/** "14:32". An unreadable value gives "" rather than "Invalid Date". */
export function formatClock(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : clock.format(t);
}

/** "22 November 2026, 14:32". */
export function formatDateTime(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 'an unknown time' : dateTime.format(t);
}

function amount(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  const days = Math.round(hours / 24);
  return `${days} days`;
}

/** "due in 40 minutes", "overdue by 2 hours": what a deadline means right now, in plain words. */
export function describeDue(dueAt: string, now: Date): string {
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return 'due date not known';
  const diff = due - now.getTime();
  return diff >= 0 ? `due in ${amount(diff)}` : `overdue by ${amount(-diff)}`;
}
