// The season board as a file (.xlsx or CSV), filtered and sorted as on the page.
import { chooseSeasonCounty } from "@/lib/reports/choose-season-county";
import { exportSeasonBoard, seasonBoardFormats } from "@/lib/reports/export-season-board";
import { getSeasonBoard, seasonBoardParams, viewSeasonBoard } from "@/lib/reports/get-season-board";
import { reportingYear } from "@/lib/reports/reporting-year";
import { defineRoute } from "@/lib/server/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute({
  name: "exportSeasonBoard",
  action: "season.board",
  authorize: async ({ request, actor }) => {
    const search = new URL(request.url).searchParams;
    const params = seasonBoardParams.parse(Object.fromEntries(search));
    const year = params.year ?? reportingYear(new Date());
    // As on the page: the county asked for (the system administrator's pick), else one's own.
    const { countyId } = await chooseSeasonCounty(actor, search.get("county") ?? undefined);
    const board = await getSeasonBoard(actor, countyId, year, new Date());
    const format = seasonBoardFormats.find((known) => known === search.get("format")) ?? "xlsx";
    return { board, rows: viewSeasonBoard(board.rows, params), format };
  },
  run: async ({ loaded: { board, rows, format } }) => {
    const file = await exportSeasonBoard(board, rows, format);
    const asciiName = `season-board-${board.calendar.year}.${format}`;
    return new Response(file.body as BlobPart, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "private, no-store",
      },
    });
  },
});
