import { register } from "node:module";

let isServerOnlyAllowed = false;

/**
 * The renderers and lib/publications are marked `server-only`, a package that throws unless
 * loaded under React's "react-server" condition (as inside Next.js). Scripts that run this
 * server code in plain Node (tsx, Playwright's global setup) make the marker resolve to an
 * empty module — what vitest.config.ts does with an alias. They cannot take the
 * "react-server" condition instead: under it react-dom/server, which renders the HTML
 * documents, refuses to load. Modules that carry the marker must be imported dynamically,
 * after this hook is in place.
 */
export function allowServerOnlyModules(): void {
  if (isServerOnlyAllowed) return;
  const hooks = `export async function resolve(specifier, context, next) {
    return specifier === "server-only" ? { url: "data:text/javascript,export{}", shortCircuit: true } : next(specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
  isServerOnlyAllowed = true;
}
