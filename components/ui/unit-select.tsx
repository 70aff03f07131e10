/** A unit of the administered scope, as the account forms and filters offer it. */
export type UnitOption = { id: string; name: string; countyName: string; isRetired: boolean };

/** The options of a unit choice, grouped by county (retired units are not offered). */
export function UnitOptions({ units }: { units: readonly UnitOption[] }) {
  const counties = [...new Set(units.map((unit) => unit.countyName))];
  return (
    <>
      {counties.map((county) => (
        <optgroup key={county} label={county}>
          {units
            .filter((unit) => unit.countyName === county && !unit.isRetired)
            .map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}

/** A list page's filter by unit, the unit's subtree included (the `unit` query parameter; 全部 when empty). */
export function UnitFilterField({ units, value }: { units: readonly UnitOption[]; value: string | undefined }) {
  return (
    <div className="field">
      <label htmlFor="unit">单位（含下属单位）</label>
      <select className="input" id="unit" name="unit" defaultValue={value ?? ""}>
        <option value="">全部</option>
        <UnitOptions units={units} />
      </select>
    </div>
  );
}
