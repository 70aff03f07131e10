import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";

type State = { databaseUrl: string; baseURL: string; authSecret: string; serverPid: number };

const file = path.join(os.tmpdir(), `nianbao-e2e-${process.env.E2E_PORT ?? 3210}.json`);

/** What global setup started, for tests that need the database or the server process. */
export const e2eState = {
  write: (state: State) => fs.writeFile(file, JSON.stringify(state), { mode: 0o600 }),
  read: async (): Promise<State> => JSON.parse(await fs.readFile(file, "utf8")) as State,
};
