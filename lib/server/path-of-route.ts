/** "/review/reports/[id]" with { id } → this request's path, each segment URL-encoded. */
export function pathOfRoute(route: string, params: Record<string, string>): string {
  return route.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
}
