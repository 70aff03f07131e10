/** The command line's `--json` output: the same content, with every id. */
import type { CheckRun } from "./check-files";

export function checkRunJson(run: CheckRun): string {
  return `${JSON.stringify(
    {
      exitCode: run.exitCode,
      files: run.files.map(({ file, reading, findings }) => ({
        file,
        status: reading.status,
        source: reading.source,
        layoutId: reading.layoutId,
        year: reading.year,
        organizationName: reading.organizationName,
        organizationKind: reading.organizationKind,
        problems: reading.problems,
        findings,
        data: reading.data,
      })),
    },
    null,
    2,
  )}\n`;
}
