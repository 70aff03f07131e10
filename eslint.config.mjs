// Lint: Next's rules (React, hooks, a11y, core web vitals), typescript-eslint, and the
// import boundaries ARCHITECTURE.md describes. Formatting is Prettier's (`npm run format`);
// eslint-config-prettier turns off every stylistic rule that would disagree with it.
import { builtinModules } from "node:module";
import boundaries from "eslint-plugin-boundaries";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

/** Universal folders: the same code in the browser and on the server, no I/O. */
const universalFolders = [
  "lib/template/**",
  "lib/rules/**",
  "lib/report-data/**",
  "lib/errors/**",
  "lib/format/**",
  "lib/workflow/**",
  "lib/review/**",
  "lib/account-data/**",
  "lib/similarity/**",
];

/**
 * The view model every format is rendered from (and the renderers that are plain functions of
 * it, CSV and JSON). Universal too: the wizard's tables are drawn from it in the browser.
 */
const viewFiles = [
  "lib/render/to-report-view.ts",
  "lib/render/to-grid-slots.ts",
  "lib/render/view-*.ts",
  "lib/render/csv.ts",
  "lib/render/json.ts",
];

/**
 * The folders as the import boundaries know them. `mode: "full"` matches the path from the
 * project root, so the same file is one element whatever import style reaches it. A file
 * belongs to the first element that matches it, so `view` comes before `render`.
 */
const elements = [
  { type: "app", pattern: ["app/**", "proxy.ts"], mode: "full" },
  { type: "components", pattern: "components/**", mode: "full" },
  { type: "server", pattern: "lib/server/**", mode: "full" },
  { type: "generated", pattern: "lib/generated/**", mode: "full" },
  // Server-side domain operations: they read and write the database.
  {
    type: "domain",
    pattern: ["lib/reports/**", "lib/publications/**", "lib/organizations/**", "lib/accounts/**", "lib/jobs/**"],
    mode: "full",
  },
  // Browser state of the wizard (autosave, local copy, issue store).
  { type: "form", pattern: "lib/report-form/**", mode: "full" },
  { type: "import", pattern: "lib/import/**", mode: "full" },
  { type: "view", pattern: viewFiles, mode: "full" },
  // The renderers of the view: HTML, PDF, DOCX (server-side, but no data access).
  { type: "render", pattern: "lib/render/**", mode: "full" },
  { type: "universal", pattern: universalFolders, mode: "full" },
  // The worker-thread pools' machinery (the reading and the render pool use it).
  { type: "workers", pattern: "lib/worker-pool/**", mode: "full" },
];

const serverSide = ["server", "generated", "domain"];

const config = [
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".data/**",
      "lib/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["app/**", "components/**", "lib/**", "proxy.ts"],
    plugins: { boundaries },
    settings: {
      "boundaries/elements": elements,
      "boundaries/include": ["app/**", "components/**", "lib/**", "proxy.ts"],
      "import/resolver": { typescript: { alwaysTryTypes: true, project: "./tsconfig.json" } },
    },
    rules: {
      "boundaries/element-types": [
        "error",
        {
          default: "allow",
          message: "${file.type} must not import ${dependency.type} (see ARCHITECTURE.md, import boundaries)",
          rules: [
            // app → components → lib, never back.
            { from: ["components"], disallow: ["app", ...serverSide] },
            {
              from: ["server", "generated", "domain", "form", "import", "view", "render", "universal", "workers"],
              disallow: ["app", "components"],
            },
            // Universal code runs in the browser too: no database, no server modules, no browser state.
            { from: ["universal", "view"], disallow: [...serverSide, "form", "import", "render", "workers"] },
            // Renderers are functions of the view: they read no database and no session.
            { from: ["render"], disallow: [...serverSide, "form", "import"] },
            // The wizard's browser state and the server's operations do not know each other.
            { from: ["form"], disallow: [...serverSide, "import", "render", "workers"] },
            // The readers turn a file into report data; storing it is lib/reports' work.
            { from: ["import"], disallow: [...serverSide, "form"] },
            { from: ["domain"], disallow: ["form"] },
            // A pool knows nothing of what its workers do.
            { from: ["workers"], disallow: [...serverSide, "form", "import", "render", "view", "universal"] },
          ],
        },
      ],
    },
  },
  {
    // Universal folders never reach for Node or server-only modules either.
    files: [...universalFolders, ...viewFiles, "lib/report-form/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          // Node's modules by their bare names too (`fs`, `path`…), not only as `node:fs`.
          paths: builtinModules.map((name) => ({ name, message: "Universal and browser code uses no Node modules." })),
          patterns: [
            { group: ["node:*"], message: "Universal and browser code uses no Node modules." },
            { group: ["server-only"], message: "Universal and browser code is not server-only." },
          ],
        },
      ],
    },
  },
  {
    // Configuration is read in one place, lib/server/env.ts, and passed on as values.
    // Tests and their harness set up throw-away databases and are exempt.
    files: ["app/**", "components/**", "lib/**", "proxy.ts"],
    ignores: ["lib/server/env.ts", "**/*.test.ts", "**/*.test.tsx", "lib/**/testing/**"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/server/env.ts." },
      ],
    },
  },
  {
    // lib/ renders standalone documents (the published HTML, the PDF); it holds no Next.js
    // pages, so Next's page rules (next/head, next/link) have nothing to say there.
    files: ["lib/**/*.tsx"],
    rules: { "@next/next/no-head-element": "off", "@next/next/no-html-link-for-pages": "off" },
  },
  prettier,
];

export default config;
