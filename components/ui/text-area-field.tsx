import type { Ref } from "react";
import { FormField } from "./form-field";

/** A labelled text the user writes (批注, 催报通知, 审核意见…): a plain controlled textarea of at most `maxLength` characters. */
export function TextAreaField({
  id,
  label,
  hint,
  value,
  onChange,
  maxLength,
  rows = 3,
  ref,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  rows?: number;
  ref?: Ref<HTMLTextAreaElement>;
}) {
  return (
    <FormField id={id} label={label} hint={hint}>
      {(control) => (
        <textarea
          {...control}
          ref={ref}
          className="input"
          rows={rows}
          maxLength={maxLength}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}
