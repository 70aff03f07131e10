/**
 * Check published reports from the command line:
 *   npm run check -- [--json] <file.txt|.html|.htm|.docx|.pdf>...
 * Prints per file the layout, year, body, what could not be read and the
 * rule engine's findings (zh-CN). Exit status: 0 clean, 1 an error was
 * found, 2 a file could not be read (missing, unreadable, unknown type, not
 * a report).
 */
import { checkFiles } from "../lib/import/check-files";
import { checkRunJson } from "../lib/import/check-run-json";
import { formatCheckRun } from "../lib/import/format-check-run";

const USAGE = `用法：npm run check -- [--json] <报告文件>...
  支持 .txt、.html、.htm、.docx、.pdf（含文字的 PDF，扫描件不能读取）；--json 以 JSON 输出（含各数据项和校验结果的编号）。
  退出码：0 未发现错误；1 发现错误；2 有文件无法读取。
`;

async function main(argv: readonly string[]): Promise<number> {
  const args = argv.filter((a) => a !== "--");
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(USAGE);
    return 0;
  }
  const json = args.includes("--json");
  const files = args.filter((a) => a !== "--json");
  const unknown = files.filter((a) => a.startsWith("--"));
  if (files.length === 0 || unknown.length > 0) {
    process.stderr.write(unknown.length > 0 ? `未知选项：${unknown.join(" ")}\n${USAGE}` : USAGE);
    return 2;
  }
  const run = await checkFiles(files);
  process.stdout.write(json ? checkRunJson(run) : formatCheckRun(run));
  return run.exitCode;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`检查失败：${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
