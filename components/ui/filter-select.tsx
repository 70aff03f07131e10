/**
 * One labelled `<select>` of a filter form submitted by GET (the review queue, the season
 * board): the page reads the choice back from the query string. With `allLabel`, a first
 * option of that label and an empty value stands for "no filter".
 */
export function FilterSelect<V extends string | number>({
  id,
  name,
  label,
  value,
  options,
  allLabel,
}: {
  id: string;
  name: string;
  label: string;
  value: V | undefined;
  options: readonly { value: V; label: string }[];
  allLabel?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} className="input" defaultValue={value ?? ""}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
