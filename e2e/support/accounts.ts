import { createAccount } from "../../prisma/seed/create-account";
import { createScriptClient } from "../../scripts/lib/prisma-client";
import { e2eState } from "./state";

/**
 * An account on a unit the journey created in the browser (by its name), straight in the
 * test database: the account screens are another journey's, and these specs only need
 * someone to sign in as. The password never has to be changed.
 */
export async function createAccountOn(
  unitName: string,
  account: { username: string; role: "CLERK" | "COUNTY_ADMIN"; password: string },
): Promise<void> {
  const client = createScriptClient((await e2eState.read()).databaseUrl);
  try {
    const unit = await client.organization.findFirstOrThrow({ where: { name: unitName }, select: { id: true } });
    await createAccount(client, {
      ...account,
      name: `${unitName} ${account.role === "CLERK" ? "填报员" : "管理员"}`,
      organizationId: unit.id,
      mustChangePassword: false,
    });
  } finally {
    await client.$disconnect();
  }
}
