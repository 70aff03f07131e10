// npm run bench: runs every benchmark in bench/ (or those named: npm run bench -- validate)
// one after another, each in its own process so figures do not disturb each other. Arguments
// that start with "--" are options, handed to each bench run (npm run bench -- peak --rate=200).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const options = process.argv.slice(2).filter((argument) => argument.startsWith("--"));
const filter = process.argv.slice(2).filter((argument) => !argument.startsWith("--"));
const files = fs
  .readdirSync(path.join(root, "bench"))
  .filter((name) => name.endsWith(".bench.ts"))
  .filter((name) => filter.length === 0 || filter.some((wanted) => name.includes(wanted)))
  .sort();

let failed = 0;
for (const file of files) {
  console.log(`\n### ${file}`);
  const result = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join("bench", file), ...options],
    // As the app runs (`npm start` serves a production build): React's production code, not its checks.
    { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production" } },
  );
  if (result.status !== 0) failed += 1;
}
if (failed > 0) {
  console.error(`\n${failed} 个基准测试未能完成`);
  process.exit(1);
}
