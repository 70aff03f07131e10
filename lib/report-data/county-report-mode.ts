/**
 * How a county government's own report fills its tables, chosen per county: 本级 (the
 * county government's own figures) or 全县 (the sum of its units' reports, with the county
 * summary's sources beside each cell and a warning where a figure differs from the sum).
 */
export const countyReportModes = ["OWN", "COUNTY_WIDE"] as const;
export type CountyReportMode = (typeof countyReportModes)[number];

export const countyReportModeLabels: Record<CountyReportMode, string> = {
  OWN: "本级（县政府本级的数字）",
  COUNTY_WIDE: "全县（各单位报告之和）",
};
