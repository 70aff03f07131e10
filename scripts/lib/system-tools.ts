// The programs the tests need from the operating system: Debian's Chromium for the browser
// tests (no browser can be downloaded at run time here), poppler-utils' pdftotext for the
// PDF checks, LibreOffice Writer, the office suite at hand, to open the frozen .docx, and
// LibreOffice Calc to save a report workbook again. `npm test` installs the missing ones itself with apt-get (as root, or through
// sudo without a password), so a fresh machine needs no command besides the README's.
import { spawn, spawnSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import path from "node:path";

export type SystemTool = {
  /** What the tool is called in messages. */
  name: string;
  /** An absolute path, or a command looked up on PATH. */
  executable: string;
  /** The Debian package that provides `executable`, or null when it cannot be installed for it. */
  debianPackage: string | null;
  /**
   * A file the package installs, where the executable alone does not show it is there
   * (LibreOffice's `soffice` comes with any of its parts, Writer with its own library).
   */
  marker?: string;
};

export const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/** The tools `npm test` needs; `chromiumPath` is CHROMIUM_PATH when set. */
export function testTools(chromiumPath: string | undefined): SystemTool[] {
  return [
    {
      name: "chromium",
      executable: chromiumPath ?? DEFAULT_CHROMIUM_PATH,
      // Installing Debian's package provides only its own path.
      debianPackage: chromiumPath === undefined || chromiumPath === DEFAULT_CHROMIUM_PATH ? "chromium" : null,
    },
    { name: "pdftotext", executable: "pdftotext", debianPackage: "poppler-utils" },
    {
      name: "LibreOffice Writer",
      executable: "soffice",
      debianPackage: "libreoffice-writer-nogui",
      marker: "/usr/lib/libreoffice/program/libswlo.so",
    },
    // Calc re-saves a downloaded report workbook, as a clerk's office program would
    // (lib/import/spreadsheet/report-workbook.test.ts, e2e/wizard-workbook.spec.ts).
    {
      name: "LibreOffice Calc",
      executable: "soffice",
      debianPackage: "libreoffice-calc-nogui",
      marker: "/usr/lib/libreoffice/program/libsclo.so",
    },
  ];
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Is `executable` there: the file itself, or a command on PATH (`searchPath`)? */
export function isInstalled(executable: string, searchPath = process.env.PATH ?? ""): boolean {
  if (executable.includes("/")) return isExecutable(executable);
  return searchPath
    .split(path.delimiter)
    .filter(Boolean)
    .some((dir) => isExecutable(path.join(dir, executable)));
}

export function missingTools(tools: SystemTool[], searchPath?: string): SystemTool[] {
  return tools.filter(
    (tool) => !isInstalled(tool.executable, searchPath) || (tool.marker !== undefined && !existsSync(tool.marker)),
  );
}

export type InstallPlan =
  { kind: "install"; packages: string[]; commandPrefix: string[] } | { kind: "impossible"; message: string };

/**
 * How to get the missing tools: apt-get as root, or through `sudo -n`; otherwise one zh-CN
 * line saying what to do.
 */
export function planInstall(
  missing: SystemTool[],
  machine: { isRoot: boolean; hasApt: boolean; hasPasswordlessSudo: boolean },
): InstallPlan {
  const names = missing.map((tool) => tool.name).join("、");
  const custom = missing.filter((tool) => tool.debianPackage === null);
  if (custom.length > 0)
    return {
      kind: "impossible",
      message: `找不到 ${custom.map((tool) => tool.executable).join("、")}：请检查 CHROMIUM_PATH，或不设它以使用 Debian 的 chromium（${DEFAULT_CHROMIUM_PATH}）。`,
    };
  const packages = [...new Set(missing.map((tool) => tool.debianPackage!))];
  if (!machine.hasApt)
    return {
      kind: "impossible",
      message: `测试需要 ${names}，本机没有 apt-get，无法自动安装：请安装 Chromium、poppler-utils 与 LibreOffice Writer，并用 CHROMIUM_PATH 指明 Chromium 的路径。`,
    };
  if (machine.isRoot) return { kind: "install", packages, commandPrefix: [] };
  if (machine.hasPasswordlessSudo) return { kind: "install", packages, commandPrefix: ["sudo", "-n"] };
  return {
    kind: "impossible",
    message: `测试需要 ${names}：请以 root 运行 npm test，或先执行 sudo apt-get install ${packages.join(" ")}。`,
  };
}

function run(command: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command[0]!, command.slice(1), { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.once("error", (error) => resolve({ code: 1, output: `${output}${error.message}` }));
    child.once("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * Installs what is missing (one line of output, apt's own only on failure) and throws a
 * one-line zh-CN error when that cannot be done. Package lists are refreshed only when the
 * install fails without (a fresh machine has none).
 */
export async function ensureSystemTools(
  tools: SystemTool[],
  log: (line: string) => void = console.log,
  /** What needs them, in the line that says so: 测试 (npm test), 基准测试 (npm run bench). */
  purpose = "测试",
): Promise<void> {
  const missing = missingTools(tools);
  if (missing.length === 0) return;
  const plan = planInstall(missing, {
    isRoot: process.getuid?.() === 0,
    hasApt: isInstalled("apt-get"),
    hasPasswordlessSudo: isInstalled("sudo") && spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0,
  });
  if (plan.kind === "impossible") throw new Error(plan.message);
  log(`安装${purpose}所需的 Debian 软件包 ${plan.packages.join("、")}（仅首次，约 1 分钟）…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = [
    ...plan.commandPrefix,
    "apt-get",
    "install",
    "-y",
    "-qq",
    "--no-install-recommends",
    ...plan.packages,
  ];
  let result = await run(install, env);
  if (result.code !== 0) {
    const update = await run([...plan.commandPrefix, "apt-get", "update", "-qq"], env);
    result = update.code === 0 ? await run(install, env) : update;
  }
  const stillMissing = missingTools(tools);
  if (result.code !== 0 || stillMissing.length > 0) {
    const tail = result.output.trim().split("\n").slice(-5).join("\n");
    throw new Error(
      `安装 ${plan.packages.join("、")} 失败，请手动执行 apt-get install ${plan.packages.join(" ")}${tail ? `：\n${tail}` : "。"}`,
    );
  }
}
