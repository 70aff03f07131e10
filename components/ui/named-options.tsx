/** The `<option>`s of a select that picks one of `items` by id (a county, an organization). */
export function NamedOptions({ items }: { items: readonly { id: string; name: string }[] }) {
  return items.map((item) => (
    <option key={item.id} value={item.id}>
      {item.name}
    </option>
  ));
}

/** The `<option>`s of a select whose choices are values with a label each (a kind, a year). */
export function LabelledOptions<V extends string | number>({
  options,
}: {
  options: readonly { value: V; label: string }[];
}) {
  return options.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ));
}

/** The `<option>`s of a 报告年度 select, each year as “2025 年度”. */
export function YearOptions({ years }: { years: readonly number[] }) {
  return <LabelledOptions options={years.map((year) => ({ value: year, label: `${year} 年度` }))} />;
}
