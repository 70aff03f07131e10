// Which operating-system tools npm test finds missing and how it would get them, on paths
// that do not exist (a machine without chromium or poppler-utils) and ones that do.
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isInstalled, missingTools, planInstall, testTools, type SystemTool } from "./system-tools";

const nowhere = path.join(os.tmpdir(), "nianbao-no-such-dir", "chromium");
const root = { isRoot: true, hasApt: true, hasPasswordlessSudo: false };

describe("isInstalled", () => {
  it("finds files and commands on PATH that exist, and not ones that do not", () => {
    expect(isInstalled(process.execPath)).toBe(true);
    expect(isInstalled(nowhere)).toBe(false);
    expect(isInstalled(path.basename(process.execPath), path.dirname(process.execPath))).toBe(true);
    expect(isInstalled("pdftotext", "")).toBe(false);
  });
});

describe("missingTools and planInstall", () => {
  it("installs Debian's chromium, poppler-utils and LibreOffice Writer and Calc as root when they are missing", () => {
    const tools: SystemTool[] = [
      { name: "chromium", executable: nowhere, debianPackage: "chromium" },
      ...testTools(undefined).filter((tool) => tool.name !== "chromium"),
    ];
    const missing = missingTools(tools, "");
    expect(missing.map((tool) => tool.name)).toEqual([
      "chromium",
      "pdftotext",
      "LibreOffice Writer",
      "LibreOffice Calc",
    ]);
    expect(planInstall(missing, root)).toEqual({
      kind: "install",
      packages: ["chromium", "poppler-utils", "libreoffice-writer-nogui", "libreoffice-calc-nogui"],
      commandPrefix: [],
    });
    expect(planInstall(missing, { ...root, isRoot: false, hasPasswordlessSudo: true })).toMatchObject({
      kind: "install",
      commandPrefix: ["sudo", "-n"],
    });
  });

  it("finds nothing missing where the tools are", () => {
    const tools: SystemTool[] = [{ name: "node", executable: process.execPath, debianPackage: "nodejs" }];
    expect(missingTools(tools)).toEqual([]);
  });

  it("finds a tool missing whose executable is there but whose marker file is not", () => {
    const node = { name: "node", executable: process.execPath, debianPackage: "nodejs" };
    expect(missingTools([{ ...node, marker: process.execPath }])).toEqual([]);
    expect(missingTools([{ ...node, marker: nowhere }]).map((tool) => tool.name)).toEqual(["node"]);
  });

  it("says in one line what to do when it cannot install", () => {
    const missing = missingTools(testTools(undefined), "").filter((tool) => tool.name === "pdftotext");
    const asUser = planInstall(missing, { ...root, isRoot: false });
    expect(asUser).toEqual({
      kind: "impossible",
      message: "测试需要 pdftotext：请以 root 运行 npm test，或先执行 sudo apt-get install poppler-utils。",
    });
    expect(planInstall(missing, { ...root, hasApt: false })).toMatchObject({ kind: "impossible" });
  });

  it("does not try to install a CHROMIUM_PATH that is not Debian's", () => {
    const missing = missingTools(testTools(nowhere));
    expect(missing.map((tool) => tool.executable)).toContain(nowhere);
    const plan = planInstall(missing, root);
    expect(plan.kind).toBe("impossible");
    expect(plan.kind === "impossible" && plan.message).toContain("CHROMIUM_PATH");
    expect(plan.kind === "impossible" && plan.message.includes("\n")).toBe(false);
  });
});
