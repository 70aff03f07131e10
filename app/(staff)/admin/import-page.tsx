import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ImportPageFrame } from "@/components/import/import-page-frame";
import { listImportCounties, type CountyChoice } from "@/lib/organizations/list-import-counties";
import { loadStaffPage } from "@/lib/server/page-guard";
import type { ActorAction } from "@/lib/workflow/policy";

/** The import pages: routes of their own, without a segment to fill in. */
type ImportRoute = "/admin/import" | "/admin/units/import" | "/admin/accounts/import";

type ImportPageSpec = Omit<Parameters<typeof ImportPageFrame>[0], "children"> & {
  page: ImportRoute;
  action: ActorAction;
  /** What the page says instead of the form when the administrator has no county to import into. */
  withoutCounty?: string;
  form: (counties: CountyChoice[]) => ReactNode;
};

/**
 * One of the administrators' import pages (units, accounts, past reports): the page guard asks
 * the policy about `action`, then the page offers the counties the administrator may import
 * into, in the common frame. Each page.tsx declares its route and action here, as the sweep
 * (app/entry-points.test.ts) reads them.
 */
export function defineImportPage({ page, action, withoutCounty, form, ...frame }: ImportPageSpec) {
  const metadata: Metadata = { title: frame.title };
  async function ImportPage() {
    const { counties } = await loadStaffPage<ImportRoute, { counties: CountyChoice[] }>({
      page,
      action,
      load: async ({ actor }) => ({ counties: await listImportCounties(actor) }),
    });
    return (
      <ImportPageFrame {...frame}>
        {counties.length === 0 && withoutCounty ? <p>{withoutCounty}</p> : form(counties)}
      </ImportPageFrame>
    );
  }
  return { metadata, ImportPage };
}
