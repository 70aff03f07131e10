import type { ReactNode } from "react";
import { LabelledOptions } from "./named-options";

/**
 * A filter form submitted by GET: its fields, the values it keeps as they are (the sort
 * order) and the 筛选 button.
 */
export function FilterForm({
  action,
  keep,
  children,
}: {
  action: string;
  keep: Record<string, string>;
  children: ReactNode;
}) {
  return (
    <form method="get" action={action} className="review-queue-filters" aria-label="筛选">
      {children}
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="field">
        <button className="button button--secondary" type="submit">
          筛选
        </button>
      </div>
    </form>
  );
}

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
        <LabelledOptions options={options} />
      </select>
    </div>
  );
}
