/**
 * Does the body named in a report's title match an organization on record? Titles print
 * names in several forms for one body (盐池县王乐井乡, 王乐井乡人民政府, 祥云镇), so both
 * sides are reduced to a core: no spaces, no leading county name, no trailing
 * 人民政府 / 办事处. Two different bodies never share a core (朝阳镇 and 朝阳乡 stay apart:
 * the 乡/镇/街道 suffix is part of it). Universal and pure.
 */

const trailingWords = ["人民政府", "办事处"];

/** The part of a name that identifies the body, given the names of the counties above it. */
export function organizationNameCore(name: string, countyNames: readonly string[] = []): string {
  let core = name.replace(/\s+/g, "");
  for (const county of countyNames) {
    const prefix = county.replace(/\s+/g, "");
    // 宽城满族自治县人民政府办公室 keeps its county: without it only 人民政府办公室 would remain.
    if (
      prefix &&
      core.startsWith(prefix) &&
      core.length > prefix.length &&
      !core.slice(prefix.length).startsWith("人民政府")
    ) {
      core = core.slice(prefix.length);
      break;
    }
  }
  for (const word of trailingWords) {
    if (core.endsWith(word) && core.length > word.length) core = core.slice(0, -word.length);
  }
  return core;
}

export interface NamedOrganization {
  readonly name: string;
  /** Names of the organizations above it (its county), stripped when printed as a prefix. */
  readonly countyNames?: readonly string[];
}

export function isSameOrganizationName(printed: string, organization: NamedOrganization): boolean {
  if (!printed.trim()) return false;
  const countyNames = organization.countyNames ?? [];
  return organizationNameCore(printed, countyNames) === organizationNameCore(organization.name, countyNames);
}

export type OrganizationMatch<T> =
  { readonly organization: T } | { readonly organization: null; readonly reason: "noName" | "none" | "ambiguous" };

/** The one organization among `candidates` a printed name designates, or why there is none. */
export function matchOrganizationByName<T extends NamedOrganization>(
  printed: string,
  candidates: readonly T[],
): OrganizationMatch<T> {
  if (!printed.trim()) return { organization: null, reason: "noName" };
  const exact = candidates.filter((candidate) => candidate.name === printed.trim());
  if (exact.length === 1) return { organization: exact[0]! };
  const matches = candidates.filter((candidate) => isSameOrganizationName(printed, candidate));
  if (matches.length === 1) return { organization: matches[0]! };
  return { organization: null, reason: matches.length === 0 ? "none" : "ambiguous" };
}
