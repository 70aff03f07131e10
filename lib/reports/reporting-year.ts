/**
 * The report year an office is working on at `today`. Reports cover a calendar year and are
 * due by 31 January of the next year (条例 第四十九条); offices start in November.
 */
export function reportingYear(today: Date): number {
  const year = today.getFullYear();
  return today.getMonth() >= 10 ? year : year - 1;
}
