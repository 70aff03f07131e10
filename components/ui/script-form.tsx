"use client";
import type { FormHTMLAttributes } from "react";

/**
 * A form the page's script submits: the browser neither posts it nor runs its own
 * validation (the script checks, then says in zh-CN what to fix), and `onSubmit` receives
 * the form element to read with FormData.
 */
export function ScriptForm({
  onSubmit,
  ...attributes
}: Omit<FormHTMLAttributes<HTMLFormElement>, "onSubmit"> & { onSubmit: (form: HTMLFormElement) => unknown }) {
  return (
    <form
      {...attributes}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit(event.currentTarget);
      }}
    />
  );
}
