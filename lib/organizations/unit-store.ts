import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { authorize, notFoundFor } from "@/lib/server/authorize";
import { organizationAuditEvent } from "@/lib/reports/report-audit-event";
import { db } from "@/lib/server/db";
import { isUuid } from "@/lib/server/is-uuid";
import { AppError } from "@/lib/server/errors";
import { loadOrganizationScope } from "@/lib/server/organization-scope";
import type { Actor, OrganizationScope } from "@/lib/workflow/policy";
import type { UnitContext, UnitField } from "./unit-checks";
import { unitFieldsSelect } from "./unit-fields";
import { unitNameKey } from "./unit-name";

// What the unit operations share: the lock that serializes changes to the tree, the loading
// of a unit with the policy's questions about it, the context its fields are checked in,
// and the audit event each change writes.

export type Tx = Prisma.TransactionClient;

/**
 * Every change to the organization tree (create, move, import, codes) runs in a transaction
 * holding this lock, so the checks made inside it — the tree has no cycle, a code or name is
 * free — still hold when it commits, whatever runs beside it.
 */
const TREE_LOCK = 7_410_512_001;

export async function lockUnitTree(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${TREE_LOCK}::bigint)`;
}

export const unitSelect = {
  ...unitFieldsSelect,
  updatedAt: true,
} as const satisfies Prisma.OrganizationSelect;

export type UnitRow = Prisma.OrganizationGetPayload<{ select: typeof unitSelect }>;

/** A unit to change: found (or not found, as the policy answers for what is not yours) and allowed. */
export async function loadManagedUnit(actor: Actor, unitId: string): Promise<UnitRow & { scope: OrganizationScope }> {
  // A malformed id from the URL is "not found", never a database error.
  const unit = isUuid(unitId) ? await db.organization.findUnique({ where: { id: unitId }, select: unitSelect }) : null;
  if (!unit) throw notFoundFor(actor);
  const scope = await loadOrganizationScope(unit.id);
  authorize(actor, "unit.manage", scope);
  // A county is the system administrator's to change.
  if (unit.kind === "COUNTY") authorize(actor, "county.manage", null);
  return { ...unit, scope };
}

/** A parent to place a unit under: found and allowed (unit.create asked about it). */
export async function loadPlacingParent(actor: Actor, parentId: string): Promise<OrganizationScope> {
  const exists = await db.organization.findUnique({ where: { id: parentId }, select: { id: true } });
  if (!exists) throw notFoundFor(actor);
  const scope = await loadOrganizationScope(parentId);
  authorize(actor, "unit.create", scope);
  return scope;
}

/** The context unitProblems checks one unit in, read inside the caller's transaction. */
export async function loadUnitContext(
  tx: Tx,
  unit: { parentId: string | null; divisionCode: string; creditCode: string },
): Promise<UnitContext> {
  // One after another: the queries share the transaction's connection.
  const parent = unit.parentId
    ? await tx.organization.findUnique({
        where: { id: unit.parentId },
        select: { id: true, name: true, kind: true, divisionCode: true, retiredAt: true },
      })
    : null;
  const divisionOwner = unit.divisionCode
    ? await tx.organization.findUnique({
        where: { divisionCode: unit.divisionCode },
        select: { id: true, name: true, retiredAt: true },
      })
    : null;
  const creditOwner = unit.creditCode
    ? await tx.organization.findUnique({
        where: { creditCode: unit.creditCode },
        select: { id: true, name: true, retiredAt: true },
      })
    : null;
  // Counties are not compared by name: 朝阳区 is in Beijing and in Changchun.
  const siblings = unit.parentId
    ? await tx.organization.findMany({
        where: { parentId: unit.parentId },
        select: { id: true, name: true, retiredAt: true },
      })
    : [];
  if (unit.parentId && !parent) throw new AppError("NOT_FOUND", "上级单位不存在或已被删除，请刷新页面后重试。");
  const byName = new Map(siblings.map((sibling) => [unitNameKey(sibling.name), sibling]));
  return {
    parent,
    divisionCodeOwner: () => divisionOwner ?? undefined,
    creditCodeOwner: () => creditOwner ?? undefined,
    siblingNamed: (key) => byName.get(key),
  };
}

/** Field problems as the forms show them: the first as the message, all by field in details. */
export function fieldProblemsError(problems: Partial<Record<UnitField | string, string>>): AppError {
  const first = Object.values(problems)[0] ?? "提交的内容有误，请检查后重试。";
  return new AppError("INVALID_INPUT", first, { fieldErrors: problems });
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

export async function auditUnitEvent(
  tx: Tx,
  actor: Actor,
  action: string,
  organizationId: string,
  detail: Prisma.InputJsonValue,
): Promise<void> {
  await tx.auditEvent.create({ data: organizationAuditEvent(actor, action, organizationId, { detail }) });
}

/** The fields of a unit as audit details record them. */
export function unitDetail(unit: {
  name: string;
  kind: string;
  parentId: string | null;
  divisionCode: string | null;
  creditCode: string | null;
}) {
  return {
    name: unit.name,
    kind: unit.kind,
    parentId: unit.parentId,
    divisionCode: unit.divisionCode,
    creditCode: unit.creditCode,
  };
}
