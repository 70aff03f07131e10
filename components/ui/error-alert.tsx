/**
 * Why a button's or a small form's action did not go through, announced to screen readers
 * as it appears; nothing while there is no message.
 */
export function ErrorAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="field__error" role="alert">
      {message}
    </p>
  );
}
