import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ImportPageFrame } from "@/components/import/import-page-frame";
import { listImportCounties, type CountyChoice } from "@/lib/organizations/list-import-counties";
import { loadStaffPage } from "@/lib/server/page-guard";
import type { Actor, ActorAction } from "@/lib/workflow/policy";

/** The import pages: routes of their own, without a segment to fill in. */
type ImportRoute = "/admin/import" | "/admin/units/import" | "/admin/accounts/import";

type ImportPageSpec<L> = Omit<Parameters<typeof ImportPageFrame>[0], "children"> & {
  page: ImportRoute;
  action: ActorAction;
  /** What the page says instead of the form when the administrator has no county to import into. */
  withoutCounty?: string;
  /** What else the form shows, loaded after the policy said yes (the past reports' last batch). */
  load?: (context: { actor: Actor; counties: CountyChoice[] }) => Promise<L>;
  form: (counties: CountyChoice[], loaded: L | undefined) => ReactNode;
};

/**
 * One of the administrators' import pages (units, accounts, past reports): the page guard asks
 * the policy about `action`, then the page offers the counties the administrator may import
 * into (and what `load` gives the form), in the common frame. Each page.tsx declares its route and action here, as the sweep
 * (app/entry-points.test.ts) reads them.
 */
export function defineImportPage<L = undefined>({
  page,
  action,
  withoutCounty,
  load,
  form,
  ...frame
}: ImportPageSpec<L>) {
  const metadata: Metadata = { title: frame.title };
  async function ImportPage() {
    const { counties, loaded } = await loadStaffPage<ImportRoute, { counties: CountyChoice[]; loaded?: L }>({
      page,
      action,
      load: async ({ actor }) => {
        const counties = await listImportCounties(actor);
        return { counties, loaded: await load?.({ actor, counties }) };
      },
    });
    return (
      <ImportPageFrame {...frame}>
        {counties.length === 0 && withoutCounty ? <p>{withoutCounty}</p> : form(counties, loaded)}
      </ImportPageFrame>
    );
  }
  return { metadata, ImportPage };
}
