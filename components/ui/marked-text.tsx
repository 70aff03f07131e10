import { Fragment } from "react";
import type { TextRange } from "@/lib/similarity/text-repetition";

/** A text with some of its spans in <mark>: the ranges in order, not overlapping (as the 雷同 measure gives them). */
export function MarkedText({ text, marks }: { text: string; marks: readonly TextRange[] }) {
  const pieces: React.ReactNode[] = [];
  let at = 0;
  for (const [index, range] of marks.entries()) {
    if (range.start < at || range.end > text.length) continue;
    if (range.start > at) pieces.push(<Fragment key={`t${index}`}>{text.slice(at, range.start)}</Fragment>);
    pieces.push(<mark key={`m${index}`}>{text.slice(range.start, range.end)}</mark>);
    at = range.end;
  }
  if (at < text.length) pieces.push(<Fragment key="rest">{text.slice(at)}</Fragment>);
  return <>{pieces}</>;
}
