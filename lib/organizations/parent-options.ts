import type { UnitNode } from "./list-unit-tree";
import { isTownshipLevel, unitKindLabels } from "./unit-kinds";

/**
 * The units a unit may go under, for a select: active counties and township-level units,
 * indented by depth. A unit being moved gives its id: neither it nor anything under it is
 * offered.
 */
export function parentOptions(
  nodes: readonly UnitNode[],
  movingUnitId?: string,
  depth = 0,
): { id: string; label: string }[] {
  return nodes.flatMap((node) =>
    node.id === movingUnitId || node.retiredAt || !(node.kind === "COUNTY" || isTownshipLevel(node.kind))
      ? []
      : [
          { id: node.id, label: `${"　".repeat(depth)}${node.name}（${unitKindLabels[node.kind]}）` },
          ...parentOptions(node.children, movingUnitId, depth + 1),
        ],
  );
}
