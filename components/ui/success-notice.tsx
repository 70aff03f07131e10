/** What a form's action did, announced to screen readers as it appears; nothing while there is none. */
export function SuccessNotice({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="notice notice--success" role="status">
      {message}
    </p>
  );
}
