import Link from "next/link";
import type { ReactNode } from "react";

/**
 * The frame every signed-in work page shares: the way back to the page above it, the page's
 * heading and, when it has one, the lead paragraph that says what the page is for.
 */
export function StaffPageLayout({
  back,
  title,
  lead,
  isNarrow = false,
  children,
}: {
  /** The page above: its address and its name (“← 返回<name>”). */
  back: { href: string; name: string };
  title: ReactNode;
  lead?: ReactNode;
  /** A form page: the text column is narrower. */
  isNarrow?: boolean;
  children?: ReactNode;
}) {
  return (
    <main id="main" className={isNarrow ? "page page--narrow" : "page"}>
      <p>
        <Link href={back.href}>{`← 返回${back.name}`}</Link>
      </p>
      <h1>{title}</h1>
      {lead !== undefined && <p className="lead">{lead}</p>}
      {children}
    </main>
  );
}
