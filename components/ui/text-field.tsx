import { FormField } from "./form-field";

/**
 * A labelled one-line text input posted under its id, with its hint and its error
 * (FormField): the field most forms here are made of.
 */
export function TextField({
  id,
  label,
  hint,
  error,
  ...input
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
} & Pick<React.InputHTMLAttributes<HTMLInputElement>, "type" | "autoComplete" | "spellCheck" | "defaultValue">) {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(control) => <input {...control} className="input" name={id} {...input} />}
    </FormField>
  );
}
