import type { ReactNode } from "react";
import { StaffPageLayout } from "@/components/ui/staff-page-layout";

/**
 * The frame of the administrators' import pages (accounts, units, past reports): the page
 * above, the heading, the lead saying what the import does, the list of what the file must
 * be, then the upload form (`children`).
 */
export function ImportPageFrame({
  back,
  title,
  lead,
  requirements,
  children,
}: {
  back: { href: string; name: string };
  title: string;
  lead: string;
  /** One item each: formats and limits, the columns or the template, what happens to the data. */
  requirements: readonly ReactNode[];
  children: ReactNode;
}) {
  return (
    <StaffPageLayout back={back} title={title} lead={lead}>
      <ul>
        {requirements.map((requirement, index) => (
          <li key={index}>{requirement}</li>
        ))}
      </ul>
      {children}
    </StaffPageLayout>
  );
}
