// A learner's day starts at midnight in their own time zone: the daily new-card limit, "due
// today" and the streak are counted in those days.

// Building an Intl.DateTimeFormat costs far more than using one (it was 5% of the queue's CPU),
// and a process sees few distinct zones: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Offset of `zone` from UTC at `instant`, in milliseconds (positive east of Greenwich). */
function zoneOffsetMs(instant: Date, zone: string): number {
  const parts = formatterFor(zone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
  return asUtc - (instant.getTime() - instant.getMilliseconds());
}

/** The learner's calendar date at `instant`, as YYYY-MM-DD. */
export function localDate(instant: Date, zone: string): string {
  return new Date(instant.getTime() + zoneOffsetMs(instant, zone)).toISOString().slice(0, 10);
}

/** The instant local midnight starts on `date` (YYYY-MM-DD) in `zone`; DST-safe. */
export function startOfLocalDate(date: string, zone: string): Date {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  // Two passes: the offset at the first guess may differ from the offset at midnight (DST).
  let guess = midnightUtc - zoneOffsetMs(new Date(midnightUtc), zone);
  guess = midnightUtc - zoneOffsetMs(new Date(guess), zone);
  return new Date(guess);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** [start, end) of the learner's day containing `instant`. */
export function studyDay(instant: Date, zone: string): { date: string; start: Date; end: Date } {
  const date = localDate(instant, zone);
  return { date, start: startOfLocalDate(date, zone), end: startOfLocalDate(addDays(date, 1), zone) };
}
