/**
 * A standalone static page (the published snapshot, the public page around it): UTF-8,
 * zh-CN, the no-script CSP, the viewport, and its stylesheets inline.
 */
import type { ReactElement, ReactNode } from "react";
import { loadStaticRenderer, STATIC_DOCUMENT_CSP } from "./static-markup";

export function StaticDocument({
  title,
  styles,
  head,
  children,
}: {
  title: string;
  /** Inline stylesheets, in order. `</style` is escaped, so no text can end the element early. */
  styles: readonly string[];
  /** More `<head>` elements, before the title. */
  head?: ReactNode;
  children: ReactNode;
}) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charSet="utf-8" />
        <meta httpEquiv="Content-Security-Policy" content={STATIC_DOCUMENT_CSP} />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {head}
        <title>{title}</title>
        {styles.map((css, index) => (
          <style key={index} dangerouslySetInnerHTML={{ __html: css.replace(/<\/style/gi, "<\\/style") }} />
        ))}
      </head>
      <body>{children}</body>
    </html>
  );
}

/** A StaticDocument as markup, with its doctype. */
export async function renderStaticDocument(document: ReactElement): Promise<string> {
  const renderToStaticMarkup = await loadStaticRenderer();
  return `<!DOCTYPE html>${renderToStaticMarkup(document)}`;
}
