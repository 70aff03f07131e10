import type { ReactNode } from "react";
import { NamedOptions } from "./named-options";

/** A unit of the administered scope, as the account forms and filters offer it. */
export type UnitOption = { id: string; name: string; countyName: string; isRetired: boolean };

/** The options of a unit choice, grouped by county (retired units are not offered). */
export function UnitOptions({ units }: { units: readonly UnitOption[] }) {
  const counties = [...new Set(units.map((unit) => unit.countyName))];
  return (
    <>
      {counties.map((county) => (
        <optgroup key={county} label={county}>
          <NamedOptions items={units.filter((unit) => unit.countyName === county && !unit.isRetired)} />
        </optgroup>
      ))}
    </>
  );
}

/**
 * A list page's filters, submitted by GET: the unit (the `unit` query parameter, the unit's
 * subtree included; 全部 when empty), the page's own fields, and the 筛选 button.
 */
export function UnitFilterForm({
  label,
  units,
  value,
  children,
}: {
  label: string;
  units: readonly UnitOption[];
  value: string | undefined;
  children: ReactNode;
}) {
  return (
    <form method="get" className="filters" aria-label={label}>
      <div className="field">
        <label htmlFor="unit">单位（含下属单位）</label>
        <select className="input" id="unit" name="unit" defaultValue={value ?? ""}>
          <option value="">全部</option>
          <UnitOptions units={units} />
        </select>
      </div>
      {children}
      <button className="button button--secondary" type="submit">
        筛选
      </button>
    </form>
  );
}
