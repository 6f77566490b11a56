/** Calendar days as `YYYY-MM-DD` in the learner's local time zone; scheduling never needs hours. */
export type Day = string;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: string): value is Day {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function toDay(date: Date): Day {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Day arithmetic in UTC on the date string itself, so DST changes cannot skip or repeat a day. */
export function addDays(day: Day, days: number): Day {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function daysBetween(from: Day, to: Day): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** "today", "tomorrow", "in 4 days", "2 days ago", or the date for anything further out. */
export function describeDue(due: Day, today: Day): string {
  const diff = daysBetween(today, due);
  if (diff <= 0) return diff === 0 ? "today" : `${-diff} day${diff === -1 ? "" : "s"} overdue`;
  if (diff === 1) return "tomorrow";
  if (diff <= 31) return `in ${diff} days`;
  return due;
}
