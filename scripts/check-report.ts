/**
 * Check published reports from the command line:
 *   npm run check -- [--json] [--kind 镇] <file.txt|.html|.htm|.docx|.pdf>...
 *   npm run check -- --score <corpus folder>
 * Prints per file the layout, year, body, what could not be read and the
 * rule engine's findings (zh-CN). Exit status: 0 clean, 1 an error was
 * found, 2 a file could not be read (missing, unreadable, unknown type, not
 * a report). With --score, scores the reader on a labelled corpus
 * (fixtures/corpus/README.md): exit 0 when it reaches the aims, 1 when not,
 * 2 when the corpus itself is broken.
 */
import { checkFiles } from "../lib/import/check-files";
import { checkRunJson } from "../lib/import/check-run-json";
import { formatCheckRun } from "../lib/import/format-check-run";
import { formatCorpusScore } from "../lib/import/corpus/format-corpus-score";
import { CorpusError, scoreCorpus } from "../lib/import/corpus/score-corpus";
import { meetsAims } from "../lib/import/corpus/score-reading";
import { parseOrganizationKind } from "../lib/report-data";

const USAGE = `用法：npm run check -- [--json] [--kind 类型] <报告文件>...
  支持 .txt、.html、.htm、.docx、.pdf（含文字的 PDF，扫描件不能读取）；--json 以 JSON 输出（含各数据项和校验结果的编号）。
  --kind 乡|镇|街道|县|部门：说明报告机关的类型（名称看不出类型时，如××市、管委会、片区管理局）。
  退出码：0 未发现错误；1 发现错误；2 有文件无法读取。
用法：npm run check -- --score <语料目录>
  按标注给读取结果打分（每个文件和合计：数据项读对数、缺陷发现数、误报数）；退出码 0 达到目标，1 未达到，2 语料有误。
`;

async function main(argv: readonly string[]): Promise<number> {
  const args = argv.filter((a) => a !== "--");
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(USAGE);
    return 0;
  }
  const scoreAt = args.indexOf("--score");
  if (scoreAt >= 0) return score(args, scoreAt);
  const json = args.includes("--json");
  const kindAt = args.indexOf("--kind");
  const kindText = kindAt >= 0 ? args[kindAt + 1] : undefined;
  const kind = kindText === undefined ? null : parseOrganizationKind(kindText);
  if (kindAt >= 0 && kind === null) {
    process.stderr.write(`--kind 后请写机关类型：乡、镇、街道、县或部门（收到：${kindText ?? "无"}）。\n${USAGE}`);
    return 2;
  }
  const files = args.filter((a, index) => a !== "--json" && (kindAt < 0 || (index !== kindAt && index !== kindAt + 1)));
  const unknown = files.filter((a) => a.startsWith("--"));
  if (files.length === 0 || unknown.length > 0) {
    process.stderr.write(unknown.length > 0 ? `未知选项：${unknown.join(" ")}\n${USAGE}` : USAGE);
    return 2;
  }
  const run = await checkFiles(files, kind ? { kind } : {});
  process.stdout.write(json ? checkRunJson(run) : formatCheckRun(run));
  return run.exitCode;
}

async function score(args: readonly string[], at: number): Promise<number> {
  const dir = args[at + 1];
  if (dir === undefined || dir.startsWith("--") || args.length !== 2) {
    process.stderr.write(`--score 后请写一个语料目录，不与其他选项同用。\n${USAGE}`);
    return 2;
  }
  try {
    const run = await scoreCorpus(dir);
    process.stdout.write(formatCorpusScore(run));
    return meetsAims(run.totals) ? 0 : 1;
  } catch (error) {
    if (!(error instanceof CorpusError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
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
