import "server-only";
import { spreadsheetTemplateDownload, type SpreadsheetTemplate } from "@/lib/import/server";
import type { ActorAction } from "@/lib/workflow/policy";
import { authorize } from "./authorize";
import { defineRoute } from "./define-route";

/**
 * The GET handler of an import's spreadsheet template: the policy is asked about the actor
 * (the template is for those who may import), then the template is written and answered as
 * a download named `fileName` (`asciiName` for browsers that do not read UTF-8 names).
 */
export function defineTemplateRoute(options: {
  name: string;
  action: ActorAction;
  template: SpreadsheetTemplate;
  fileName: string;
  asciiName: string;
}) {
  return defineRoute({
    name: options.name,
    action: options.action,
    authorize: async ({ actor }) => authorize(actor, options.action, null),
    run: () => spreadsheetTemplateDownload(options.template, options.fileName, options.asciiName),
  });
}
