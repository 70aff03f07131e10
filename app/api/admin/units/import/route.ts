// A county's list of units: previewed (nothing written) or imported, one upload each time.
// The county and what to do are in the query, so the policy is asked before the body is read.
import { z } from "zod";
import { MAX_SPREADSHEET_BYTES } from "@/lib/import/spreadsheet";
import { importUnits } from "@/lib/organizations/import-units";
import { loadImportCounty } from "@/lib/organizations/load-unit-import-world";
import { previewUnitImport } from "@/lib/organizations/preview-unit-import";
import { defineRoute } from "@/lib/server/define-route";
import { AppError } from "@/lib/server/errors";
import { FORM_OVERHEAD_BYTES, readMultipartBody, uploadedFiles } from "../../../import/read-multipart-body";

const query = z.object({
  county: z.uuid().nullable().catch(null),
  mode: z.enum(["preview", "import", "importClean"]).catch("preview"),
});

export const POST = defineRoute({
  name: "importUnitList",
  action: "unit.create",
  authorize: async ({ request, actor }) => {
    const { county, mode } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
    // importUnits and previewUnitImport ask the same question again as their own first step.
    await loadImportCounty(actor, county);
    return { countyId: county, mode };
  },
  run: async ({ request, actor, loaded }) => {
    const form = await readMultipartBody(request, MAX_SPREADSHEET_BYTES + FORM_OVERHEAD_BYTES);
    const [file] = await uploadedFiles(form, "file");
    if (!file) throw new AppError("INVALID_INPUT", "请选择要上传的单位名单（.xlsx 或 .csv）。");
    const body =
      loaded.mode === "preview"
        ? { preview: await previewUnitImport(actor, loaded.countyId, file) }
        : {
            result: await importUnits(actor, loaded.countyId, file, { onlyCleanRows: loaded.mode === "importClean" }),
          };
    return Response.json(body, { headers: { "Cache-Control": "no-store" } });
  },
});
