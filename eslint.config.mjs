// Lint: Next's rules (React, hooks, a11y, core web vitals), typescript-eslint, and the
// import boundaries ARCHITECTURE.md describes. Formatting is Prettier's (`npm run format`);
// eslint-config-prettier turns off every stylistic rule that would disagree with it.
import boundaries from "eslint-plugin-boundaries";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

/**
 * The folders as the import boundaries know them. `mode: "full"` matches the path from the
 * project root, so the same file is one element whatever import style reaches it.
 */
const elements = [
  { type: "app", pattern: ["app/**", "proxy.ts"], mode: "full" },
  { type: "components", pattern: "components/**", mode: "full" },
  { type: "server", pattern: "lib/server/**", mode: "full" },
  { type: "generated", pattern: "lib/generated/**", mode: "full" },
  // Server-side domain operations: they read and write the database.
  {
    type: "domain",
    pattern: ["lib/reports/**", "lib/publications/**", "lib/organizations/**", "lib/accounts/**"],
    mode: "full",
  },
  // Browser state of the wizard (autosave, local copy, issue store).
  { type: "form", pattern: "lib/report-form/**", mode: "full" },
  { type: "import", pattern: "lib/import/**", mode: "full" },
  { type: "render", pattern: "lib/render/**", mode: "full" },
  // Universal: the same code in the browser and on the server, no I/O.
  {
    type: "universal",
    pattern: [
      "lib/template/**",
      "lib/rules/**",
      "lib/report-data/**",
      "lib/errors/**",
      "lib/format/**",
      "lib/workflow/**",
      "lib/review/**",
      "lib/account-data/**",
    ],
    mode: "full",
  },
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
              from: ["server", "generated", "domain", "form", "import", "render", "universal"],
              disallow: ["app", "components"],
            },
            // Universal code runs in the browser too: no database, no server modules, no browser state.
            { from: ["universal"], disallow: [...serverSide, "form", "import", "render"] },
            // The wizard's browser state and the server's operations do not know each other.
            { from: ["form"], disallow: [...serverSide, "import"] },
            { from: ["domain"], disallow: ["form"] },
          ],
        },
      ],
    },
  },
  {
    // Universal folders never reach for Node or server-only modules either.
    files: [
      "lib/template/**",
      "lib/rules/**",
      "lib/report-data/**",
      "lib/errors/**",
      "lib/format/**",
      "lib/workflow/**",
      "lib/review/**",
      "lib/account-data/**",
      "lib/report-form/**",
      "components/**",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
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
