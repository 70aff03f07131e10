import "server-only";
import { authorize } from "@/lib/server/authorize";
import { defineOperation } from "@/lib/server/define-operation";
import type { Actor } from "@/lib/workflow/policy";
import { insertUnit } from "./create-unit";
import type { NewCountyInput } from "./unit-input";

/** A new county (县、区、县级市) at the top of the tree: the system administrator's alone. */
export const createCounty = defineOperation({
  name: "createCounty",
  action: "county.manage",
  authorize: async (actor: Actor, _input: NewCountyInput) => authorize(actor, "county.manage", null),
  run: (_loaded, actor, input) => insertUnit(actor, { ...input, kind: "COUNTY", parentId: null }, "county.create"),
});
