import "server-only";
import { db } from "@/lib/server/db";
import { defineOperation } from "@/lib/server/define-operation";
import { type Actor } from "@/lib/workflow/policy";
import { accountListSelect } from "./account-select";
import { authorizeAdministeredList, organizationRowFilter, pageCount } from "./administered-scope";

export const ACCOUNTS_PER_PAGE = 50;

export type AccountListQuery = { unitId?: string; search?: string; page: number };

/** The accounts of the actor's administered scope, narrowed to a unit's subtree or a search, by username. */
export const listAccounts = defineOperation({
  name: "listAccounts",
  action: "account.list",
  authorize: (actor: Actor, _query: AccountListQuery) => authorizeAdministeredList(actor, "account.list"),
  run: async (scope, _actor, query) => {
    const search = query.search?.trim();
    const where = {
      AND: [
        ...(await organizationRowFilter(scope, query.unitId)),
        ...(search
          ? [
              {
                OR: [
                  { username: { contains: search.toLowerCase() } },
                  { name: { contains: search, mode: "insensitive" as const } },
                ],
              },
            ]
          : []),
      ],
    };
    const [total, accounts] = await Promise.all([
      db.user.count({ where }),
      db.user.findMany({
        where,
        orderBy: { username: "asc" },
        skip: (query.page - 1) * ACCOUNTS_PER_PAGE,
        take: ACCOUNTS_PER_PAGE,
        select: accountListSelect,
      }),
    ]);
    return { accounts, total, page: query.page, pageCount: pageCount(total, ACCOUNTS_PER_PAGE) };
  },
});
