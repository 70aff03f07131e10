/**
 * The command line of publication-step.ts. Publishing renders HTML with react-dom/server,
 * which refuses the `react-server` condition the other support scripts run under, so this
 * one runs in plain Node with the server-only marker allowed (scripts/lib/allow-server-only.ts)
 * and its modules imported after that.
 *
 *   tsx e2e/support/publication-cli.ts publish '{"reportId":"…"}'
 */
import { allowServerOnlyModules } from "../../scripts/lib/allow-server-only";

allowServerOnlyModules();
const { runPublicationStep } = await import("./publication-step");
runPublicationStep();
