export const organizationKindLabels = {
  COUNTY: "县（区）",
  TOWNSHIP: "乡",
  TOWN: "镇",
  SUBDISTRICT: "街道",
  DEPARTMENT: "县直部门",
} as const;

export type OrganizationKind = keyof typeof organizationKindLabels;
