/**
 * The command line (scripts/check-report.ts): what it prints and its exit
 * status — 0 clean, 1 an error found, 2 a file that cannot be read. The
 * logic is tested in process; a few runs of the real script prove the
 * wiring and the exit codes.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { seed002Corrected } from "../../fixtures";
import { writeNestedDivsHtml, writeXmlBombDocx } from "../../fixtures/import/write-hostile-uploads";
import { writeReportText } from "../../fixtures/import/write-report-text";
import { getLayout } from "../template";
import { checkFiles } from "./check-files";
import { checkRunJson } from "./check-run-json";
import { formatCheckRun } from "./format-check-run";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const seed = (name: string): string => path.join(repoRoot, "fixtures/seeds-text", name);
const seed002 = seed("002_e73d5a6c979587d5.txt");
const seed003 = seed("003_92e3c06b75c4ee09.txt");

const dir = mkdtempSync(path.join(tmpdir(), "nianbao-check-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** Seed 002 with its 统计期限 written correctly: the engine finds nothing in it. */
const cleanFile = path.join(dir, "clean.txt");
writeFileSync(cleanFile, writeReportText(getLayout("gov-2021"), seed002Corrected));

describe("checkFiles", () => {
  it("finds nothing in a clean report", async () => {
    const run = await checkFiles([cleanFile]);
    expect(run.files[0]?.findings).toEqual([]);
    expect(run.files[0]?.reading.problems).toEqual([]);
  });

  it.each([
    [
      "0 for a clean report, and says so",
      cleanFile,
      0,
      ["机关：宽城满族自治县人民政府办公室（政府部门）", "统计期限：2023-01-01 至 2023-12-31", "未发现问题"],
    ],
    [
      "1 when the engine finds an error (seed 002’s period), and prints it in zh-CN",
      seed002,
      1,
      [
        "格式：gov-2021（国办公开办函〔2021〕30号）",
        "年度：2023",
        "[错误] “前言”中统计期限的日期“20231月1日”不是有效日期",
        "[提示] 统计期限中的日期“20231月1日”不是有效日期，起止日期未读入（可能应为“2023年1月1日”）",
      ],
    ],
    ["0 for warnings only (seed 003: 我乡 in a 镇)", seed003, 0, ["[警告] “五、存在的主要问题及改进情况”中写有“我乡”"]],
  ])("is %s", async (_name, file, exitCode, printed) => {
    const run = await checkFiles([file]);
    expect(run.exitCode).toBe(exitCode);
    const text = formatCheckRun(run);
    for (const line of printed) expect(text).toContain(line);
  });

  it("is 2 when any file cannot be read, even next to readable ones", async () => {
    const run = await checkFiles([seed002, path.join(dir, "missing.docx")]);
    expect(run.exitCode).toBe(2);
    expect(formatCheckRun(run)).toContain("结果：无法读取");
    expect(formatCheckRun(run)).toContain("共 2 个文件：1 个有错误，1 个无法读取。");
  });

  it("--json carries the ids of cells, problems and findings", async () => {
    const json: unknown = JSON.parse(checkRunJson(await checkFiles([seed002])));
    expect(json).toMatchObject({
      exitCode: 1,
      files: [
        {
          status: "read",
          layoutId: "gov-2021",
          year: 2023,
          organizationKind: "DEPARTMENT",
          problems: [{ code: "period.unreadable", place: "meta.periodStart" }],
          findings: [{ ruleId: "period.invalidDate", cellIds: ["preamble"] }, { ruleId: "period.invalidDate" }],
          data: { cells: { "t3.r1.total": 35, "t4.review.total": 4 } },
        },
      ],
    });
  });
});

describe("scripts/check-report.ts", () => {
  const run = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [path.join(repoRoot, "node_modules/tsx/dist/cli.mjs"), path.join(repoRoot, "scripts/check-report.ts"), ...args],
      {
        cwd: repoRoot,
        encoding: "utf8",
      },
    );

  it("exits 0, 1 and 2 as documented", () => {
    expect(run(cleanFile).status).toBe(0);
    expect(run("--", seed002).status).toBe(1);
    const missing = run(path.join(dir, "nope.txt"));
    expect(missing.status).toBe(2);
    expect(missing.stdout).toContain("找不到文件");
  }, 60_000);

  it("refuses the upload attack files with the uploads' messages, and exits", async () => {
    const nested = path.join(dir, "nested.html");
    writeFileSync(nested, writeNestedDivsHtml(3.7 * 1024 * 1024));
    const bomb = path.join(dir, "bomb.docx");
    writeFileSync(bomb, await writeXmlBombDocx(60 * 1024 * 1024));
    const result = run(nested, bomb);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain(
      "文件结构过于复杂（嵌套超过 200 层），无法读取。请另存为普通网页或 Word 文档后重试",
    );
    expect(result.stdout).toContain("Word 文档的文字部分解压后超过 4.0 MB");
  }, 60_000);

  it("says when the name does not tell the body's kind, and takes it from --kind", () => {
    const cityFile = path.join(dir, "city.txt");
    const city = { ...seed002Corrected, meta: { ...seed002Corrected.meta, organizationName: "某某市人民政府" } };
    writeFileSync(cityFile, writeReportText(getLayout("gov-2021"), city));
    const unknown = run(cityFile);
    expect(unknown.stdout).toContain(
      "机关：某某市人民政府（名称看不出机关类型，未做与类型有关的校验；可用 --kind 指定",
    );
    const told = run("--kind", "县", cityFile);
    expect(told.stdout).toContain("机关：某某市人民政府（县级人民政府）");
    const wrong = run("--kind", "村", cityFile);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain("--kind 后请写机关类型：乡、镇、街道、县或部门（收到：村）");
  }, 60_000);

  it("prints JSON with --json and usage without files", () => {
    const json = run("--json", seed003);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ files: [{ organizationName: "朝阳镇" }] });
    const usage = run();
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain("用法");
  }, 60_000);
});
