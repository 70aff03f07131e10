import { compileLayout, type Layout, type MetaFieldId } from "../template";

/** The report's own fields in words (they are not part of any layout). */
export const metaFieldLabels: Readonly<Record<MetaFieldId, string>> = {
  "meta.organizationName": "机关名称",
  "meta.year": "报告年度",
  "meta.periodStart": "统计期限",
  "meta.periodEnd": "统计期限",
};

function isMetaFieldId(id: string): id is MetaFieldId {
  return Object.prototype.hasOwnProperty.call(metaFieldLabels, id);
}

/** A cell (its label), a narrative field (its heading) or a meta field in words; undefined for an unknown id. */
export function fieldLabel(layout: Layout, id: string): string | undefined {
  if (isMetaFieldId(id)) return metaFieldLabels[id];
  const compiled = compileLayout(layout);
  return compiled.cell(id)?.label ?? compiled.narrativeField(id)?.heading;
}
