/** Checks on the free text: required sections, repeated headings, figures against the tables. */
import type { NarrativeId } from "../../template";
import { messages } from "../messages";
import type { RuleEvaluator } from "../registry-types";
import { statedFigures } from "../text/figures";
import { headingLines, normalizeHeading } from "../text/headings";

const hasText = (text: string | undefined): boolean => text !== undefined && /\S/.test(text);

/** `narrative.required.<id>` for each required field left blank. */
export const narrativeRequired: RuleEvaluator<"narrativeRequired"> = {
  severity: "error",
  prepare(rule, compiled) {
    const required = compiled.narrativeFields.filter((f) => f.required);
    return (state, out) => {
      for (const field of required) {
        if (hasText(state.data.narrative[field.id])) continue;
        out.push({
          ruleId: `${rule.id}.${field.id}`,
          severity: "error",
          cellIds: [field.id],
          message: messages.narrativeRequired(field.heading),
        });
      }
    };
  },
};

/** A layout heading typed again as a line of body text prints twice; the tool prints headings itself. */
export const duplicateHeading: RuleEvaluator<"duplicateHeading"> = {
  severity: "warning",
  prepare(rule, compiled) {
    const headings = new Map<string, string>();
    for (const section of compiled.layout.sections) {
      headings.set(normalizeHeading(section.heading), section.heading);
      if (section.kind === "narrative")
        for (const part of section.parts) headings.set(normalizeHeading(part.heading), part.heading);
    }
    return (state, out) => {
      for (const field of compiled.narrativeFields) {
        const text = state.data.narrative[field.id];
        if (!text) continue;
        for (const line of headingLines(text)) {
          const heading = headings.get(line);
          if (heading === undefined) continue;
          out.push({
            ruleId: rule.id,
            severity: "warning",
            cellIds: [field.id],
            message: messages.duplicateHeading(field.heading, heading),
            actual: heading,
          });
          break;
        }
      }
    };
  },
};

/**
 * A figure 一、总体情况 states (“全年共收到依申请公开35件”), in any of its parts, must
 * agree with the table. Only when every section that states one states the same figure,
 * and every cell it is compared with is filled.
 */
export const narrativeFigure: RuleEvaluator<"narrativeFigure"> = {
  severity: "warning",
  prepare(rule, compiled) {
    const indexes = rule.cells.map((id) => compiled.indexOf.get(id) ?? -1);
    const labels = rule.cells.map((id) => compiled.cell(id)?.label ?? id);
    const sections = rule.sections.filter((id) => compiled.narrativeField(id) !== undefined);
    // The message names the part where the figure is written (（二）依申请公开), so the
    // clerk reading it under that part, or on the table, knows which text to look at.
    const headingOf = (id: NarrativeId): string => compiled.narrativeField(id)?.heading ?? "";
    return (state, out) => {
      let stated: number | undefined;
      const where: NarrativeId[] = [];
      for (const id of sections) {
        const text = state.data.narrative[id];
        if (!text) continue;
        const value = statedFigures(text)[rule.topic];
        if (value === undefined) continue;
        if (stated !== undefined && stated !== value) return; // contradicting statements: not a clear one
        stated = value;
        where.push(id);
      }
      if (stated === undefined) return;
      let table = 0;
      for (const i of indexes) {
        const v = state.values[i];
        if (v === undefined || v !== v) return;
        table += v;
      }
      if (table === stated) return;
      out.push({
        ruleId: rule.id,
        severity: "warning",
        cellIds: [...rule.cells, ...where],
        message: messages.narrativeFigure(where.map(headingOf), rule.topic, stated, labels, table),
        expected: table,
        actual: stated,
      });
    };
  },
};
