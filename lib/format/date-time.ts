const dateTime = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});
const date = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "long",
  day: "numeric",
});

/** 2026/11/23 09:30 in Beijing time, whatever the server's zone. */
export function formatDateTime(value: Date): string {
  return dateTime.format(value);
}

/** 2026年11月23日 */
export function formatDate(value: Date): string {
  return date.format(value);
}
