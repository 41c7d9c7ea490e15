/**
 * Provided: you do not need to edit this file.
 *
 * Calendar arithmetic for the periodic boards (step 6), in UTC: which day and which ISO
 * week an instant falls in, and when that period ends. Nothing here talks to Redis.
 */

const DAY_MS = 86_400_000;

/** The periods that have boards of their own, besides the all-time one. */
export type PeriodicPeriod = 'daily' | 'weekly';

/**
 * How long a periodic board outlives its period: a day, so that yesterday's (or last
 * week's) final standings can still be read for a while. Then Redis deletes it.
 */
export const PERIOD_GRACE_MS = DAY_MS;

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** 0 for Monday … 6 for Sunday (ISO weekdays, from 0). */
const weekdayFromMonday = (date: Date) => (date.getUTCDay() + 6) % 7;

/** Midnight UTC at the start of the day of `atMs`. */
const startOfDay = (atMs: number) => Math.floor(atMs / DAY_MS) * DAY_MS;

/** Monday 00:00 UTC of the ISO week of `atMs`. */
const startOfWeek = (atMs: number) => startOfDay(atMs) - weekdayFromMonday(new Date(atMs)) * DAY_MS;

/** The ISO 8601 week of `atMs` as `2026-W48`: weeks start on Monday; week 1 holds the year's first Thursday. */
function isoWeek(atMs: number): string {
  const thursday = new Date(startOfWeek(atMs) + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const firstThursdayWeek = startOfWeek(Date.UTC(year, 0, 4));
  const week = 1 + Math.round((startOfWeek(atMs) - firstThursdayWeek) / (7 * DAY_MS));
  return `${year}-W${pad(week, 2)}`;
}

/** The name of the period `atMs` falls in: `2026-11-26` (a UTC day) or `2026-W48` (an ISO week). */
export function periodId(period: PeriodicPeriod, atMs: number): string {
  if (period === 'weekly') return isoWeek(atMs);
  const day = new Date(atMs);
  return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1, 2)}-${pad(day.getUTCDate(), 2)}`;
}

/** When the period `atMs` falls in ends (the start of the next one), in ms since the epoch. */
export function periodEndMs(period: PeriodicPeriod, atMs: number): number {
  return period === 'weekly' ? startOfWeek(atMs) + 7 * DAY_MS : startOfDay(atMs) + DAY_MS;
}

/** The TTL a periodic board gets when written at `atMs`: until its period ends, plus the grace. */
export function periodTtlMs(period: PeriodicPeriod, atMs: number): number {
  return periodEndMs(period, atMs) + PERIOD_GRACE_MS - atMs;
}
