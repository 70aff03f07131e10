/**
 * The places of a layout a reviewer may comment on (every section, table row and cell),
 * with a zh-CN label each, and the check that a submitted target exists in the layout.
 * Universal code: used by the review page (to offer targets) and the server (to refuse
 * targets the report's layout does not have).
 */
import { compileLayout, type Layout } from "@/lib/template";
import { formatCommentTarget, parseCommentTarget } from "@/lib/workflow/comment-target";

export type CommentTargetOption = { target: string; label: string; kind: "section" | "row" | "cell" };

const optionsCache = new WeakMap<Layout, { list: CommentTargetOption[]; byTarget: Map<string, CommentTargetOption> }>();

function buildOptions(layout: Layout) {
  const cached = optionsCache.get(layout);
  if (cached) return cached;
  const list: CommentTargetOption[] = [];
  const compiled = compileLayout(layout);
  for (const field of compiled.narrativeFields) {
    list.push({
      kind: "section",
      target: formatCommentTarget({ kind: "section", sectionId: field.id }),
      label: field.heading,
    });
  }
  const cells = compiled.cells;
  const seenRows = new Set<string>();
  for (const section of layout.sections) {
    if (section.kind !== "table") continue;
    list.push({
      kind: "section",
      target: formatCommentTarget({ kind: "section", sectionId: section.id }),
      label: section.heading,
    });
  }
  for (const cell of cells) {
    const rowKey = `${cell.tableId}.${cell.row}`;
    if (!seenRows.has(rowKey)) {
      seenRows.add(rowKey);
      const tableHeading = layout.sections.find((section) => section.id === cell.tableId)?.heading ?? cell.tableId;
      list.push({
        kind: "row",
        target: formatCommentTarget({ kind: "row", tableId: cell.tableId, rowId: cell.row }),
        label: `${tableHeading} · ${cell.rowName || "整行"}`,
      });
    }
    list.push({ kind: "cell", target: formatCommentTarget({ kind: "cell", cellId: cell.id }), label: cell.label });
  }
  const built = { list, byTarget: new Map(list.map((option) => [option.target, option])) };
  optionsCache.set(layout, built);
  return built;
}

/** Every target of the layout: sections first, then rows and cells in reading order. */
export function listCommentTargetOptions(layout: Layout): readonly CommentTargetOption[] {
  return buildOptions(layout).list;
}

/** The option for a target string, or null when it is malformed or not in this layout. */
export function findCommentTarget(layout: Layout, target: string): CommentTargetOption | null {
  if (!parseCommentTarget(target)) return null;
  return buildOptions(layout).byTarget.get(target) ?? null;
}
