import { createAccount } from "../../prisma/seed/create-account";
import { createScriptClient } from "../../scripts/lib/prisma-client";
import { e2eState } from "./state";

/** Runs `work` on the test database (the server's own), then lets go of the connection. */
async function onTestDatabase<T>(work: (client: ReturnType<typeof createScriptClient>) => Promise<T>): Promise<T> {
  const client = createScriptClient((await e2eState.read()).databaseUrl);
  try {
    return await work(client);
  } finally {
    await client.$disconnect();
  }
}

/**
 * An account on a unit the journey created in the browser (by its name), straight in the
 * test database: the account screens are another journey's, and these specs only need
 * someone to sign in as. The password never has to be changed.
 */
export async function createAccountOn(
  unitName: string,
  account: { username: string; role: "CLERK" | "COUNTY_ADMIN"; password: string },
): Promise<void> {
  await onTestDatabase(async (client) => {
    const unit = await client.organization.findFirstOrThrow({ where: { name: unitName }, select: { id: true } });
    await createAccount(client, {
      ...account,
      name: `${unitName} ${account.role === "CLERK" ? "填报员" : "管理员"}`,
      organizationId: unit.id,
      mustChangePassword: false,
    });
  });
}

/**
 * A system administrator of the journey's own, for a page that shows the administrator's own
 * last work (the batch import): the other specs' administrator does not change what it shows.
 */
export async function createSystemAdministrator(username: string, password: string): Promise<void> {
  await onTestDatabase((client) =>
    createAccount(client, {
      username,
      name: "系统管理员（导入）",
      role: "ADMIN",
      organizationId: null,
      password,
      mustChangePassword: false,
    }),
  );
}
