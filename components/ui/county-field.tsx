import { NamedOptions } from "./named-options";

/**
 * The 县（区） an upload goes to, sent as the form's `countyId`. Nothing is chosen until the
 * user picks one, except with `choosesOnlyCounty` when there is just one to pick.
 */
export function CountyField({
  counties,
  choosesOnlyCounty = false,
}: {
  counties: readonly { id: string; name: string }[];
  choosesOnlyCounty?: boolean;
}) {
  const only = choosesOnlyCounty && counties.length === 1 ? counties[0]!.id : null;
  return (
    <div className="field">
      <label htmlFor="countyId">县（区）</label>
      <select className="input" id="countyId" name="countyId" defaultValue={only ?? ""}>
        {only === null && (
          <option value="" disabled>
            请选择
          </option>
        )}
        <NamedOptions items={counties} />
      </select>
    </div>
  );
}
