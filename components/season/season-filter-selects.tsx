import { FilterSelect } from "@/components/ui/filter-select";

/**
 * The county and year selects of a county's season pages (the board, the summary): the
 * county only for someone who may choose among several (the system administrator).
 */
export function SeasonFilterSelects({
  idPrefix,
  counties,
  countyId,
  year,
  years,
  yearLabel = "年度",
}: {
  idPrefix: string;
  counties: readonly { id: string; name: string }[];
  countyId: string;
  year: number;
  years: readonly { value: number; label: string }[];
  yearLabel?: string;
}) {
  return (
    <>
      {counties.length > 1 && (
        <FilterSelect
          id={`${idPrefix}-county`}
          name="county"
          label="县（区）"
          value={countyId}
          options={counties.map((county) => ({ value: county.id, label: county.name }))}
        />
      )}
      <FilterSelect id={`${idPrefix}-year`} name="year" label={yearLabel} value={year} options={years} />
    </>
  );
}
