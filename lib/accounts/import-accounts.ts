import "server-only";
import { randomUUID } from "node:crypto";
import type { InitialPasswordRow } from "@/lib/account-data/initial-password-list";
import { readSpreadsheetUpload } from "@/lib/import/server";
import { authorize, notFoundFor } from "@/lib/server/authorize";
import { credentialAccountRows } from "@/lib/server/credentials";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { AppError } from "@/lib/server/errors";
import { isUuid } from "@/lib/server/is-uuid";
import { loadOrganizationScope, loadSubtrees } from "@/lib/server/organization-scope";
import { can, type Actor, type OrganizationScope } from "@/lib/workflow/policy";
import { roleLabels } from "@/lib/workflow/roles";
import { accountAuditEvent } from "./account-audit";
import { isUniqueViolation } from "./account-target";
import { placeholderEmail } from "./create-account";
import { hashPasswords } from "./hash-passwords";
import { generateInitialPassword } from "./initial-password";
import {
  planAccountImport,
  usernamesOf,
  type AccountRowError,
  type ImportUnit,
  type PlannedAccount,
} from "./plan-account-import";

export type AccountImportInput = { countyId: string; fileName: string; bytes: Uint8Array };

export type CreatedAccountRow = InitialPasswordRow & { id: string };

export type AccountImportResult =
  { ok: true; created: CreatedAccountRow[] } | { ok: false; fileError: string | null; rowErrors: AccountRowError[] };

/**
 * Creates the accounts of an uploaded list (.xlsx or .csv: username, name, unit, role,
 * phone) for one county: read in the reading pool, every row checked (the fields, the unit
 * within the county, the policy for its role and unit, duplicates in the file and in the
 * database), and then either every account is created, in one transaction with its audit
 * event, or none is and each bad row is answered with its problems.
 *
 * The initial passwords are in the answer only, never stored but as hashes: the import page
 * shows them once and builds the downloadable list from the answer in the browser. Keeping
 * them encrypted on the server for a later download would put every new account's password
 * at rest, for the convenience of a second download; losing the list costs a reset instead.
 * Hashing dominates the time: each argon2id hash takes tens of milliseconds (bench/accounts).
 */
export const importAccounts = defineOperation({
  name: "importAccounts",
  action: "account.import",
  authorize: async (actor: Actor, input: AccountImportInput) => {
    authorize(actor, "account.import", null);
    const county = isUuid(input.countyId)
      ? await db.organization.findUnique({
          where: { id: input.countyId },
          select: { id: true, name: true, kind: true },
        })
      : null;
    if (!county) throw notFoundFor(actor);
    const scope = await loadOrganizationScope(county.id);
    authorize(actor, "account.read", { unit: scope }, () => ({ message: "找不到该县（区），请从列表中选择。" }));
    if (county.kind !== "COUNTY") throw new AppError("INVALID_INPUT", "请选择一个县（区）。");
    return { ...county, scope };
  },
  run: async (county, actor, input): Promise<AccountImportResult> => {
    const reading = await readSpreadsheetUpload(input.fileName, input.bytes);
    if (!reading.ok) return { ok: false, fileError: reading.message, rowErrors: [] };
    const usernames = usernamesOf(reading);
    const [units, taken] = await Promise.all([
      countyUnits(county.scope),
      db.user.findMany({ where: { username: { in: usernames } }, select: { username: true } }),
    ]);
    const plan = planAccountImport(reading, {
      county,
      units,
      takenUsernames: new Set(taken.map((user) => user.username ?? "")),
      mayCreate: (unit, role) => can(actor, "account.manage", { unit, role, isSelf: false }),
    });
    if (!plan.ok) return plan;
    return createAccounts(actor, plan.accounts, input.fileName);
  },
});

/** The county and every unit under it, each placed in the tree as the policy sees it. */
async function countyUnits(county: OrganizationScope): Promise<ImportUnit[]> {
  const ids = (await loadSubtrees([county.organizationId])).get(county.organizationId) ?? [];
  const rows = await db.organization.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, kind: true, parentId: true, retiredAt: true },
  });
  const parentOf = new Map(rows.map((row) => [row.id, row.parentId]));
  return rows.map((row) => {
    const ancestorIds: string[] = [];
    for (let id = row.parentId; id && id !== county.organizationId && parentOf.has(id); id = parentOf.get(id) ?? null)
      ancestorIds.push(id);
    if (row.id !== county.organizationId) ancestorIds.push(county.organizationId);
    return {
      organizationId: row.id,
      ancestorIds: [...ancestorIds, ...county.ancestorIds],
      name: row.name,
      kind: row.kind,
      isRetired: row.retiredAt !== null,
    };
  });
}

async function createAccounts(
  actor: Actor,
  accounts: readonly PlannedAccount[],
  fileName: string,
): Promise<AccountImportResult> {
  const passwords = accounts.map(() => generateInitialPassword());
  const hashes = await hashPasswords(passwords);
  const rows = accounts.map((account, index) => ({ ...account, id: randomUUID(), passwordHash: hashes[index]! }));
  try {
    await db.$transaction([
      db.user.createMany({
        data: rows.map((row) => ({
          id: row.id,
          name: row.name,
          email: placeholderEmail(row.id),
          username: row.username,
          displayUsername: row.username,
          role: row.role,
          phone: row.phone,
          organizationId: row.unit.organizationId,
          mustChangePassword: true,
        })),
      }),
      db.account.createMany({
        data: credentialAccountRows(rows.map((row) => ({ userId: row.id, passwordHash: row.passwordHash }))),
      }),
      db.auditEvent.createMany({
        data: rows.map((row) =>
          accountAuditEvent(
            actor,
            "account.create",
            { id: row.id, organizationId: row.unit.organizationId },
            {
              username: row.username,
              role: row.role,
              source: "import",
              fileName: fileName.slice(0, 120),
            },
          ),
        ),
      }),
    ]);
  } catch (error) {
    // Someone took one of the usernames between the check and the write: nothing was created.
    if (isUniqueViolation(error))
      return {
        ok: false,
        fileError: "表格中的某个用户名刚刚被他人使用，本次没有导入任何账号。请重新上传，查看是哪一行。",
        rowErrors: [],
      };
    throw error;
  }
  return {
    ok: true,
    created: rows.map((row, index) => ({
      id: row.id,
      username: row.username,
      name: row.name,
      unitName: row.unit.name,
      roleLabel: roleLabels[row.role],
      initialPassword: passwords[index]!,
    })),
  };
}
