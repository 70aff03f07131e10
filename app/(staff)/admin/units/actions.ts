"use server";
// The unit forms' actions: parse strictly, then one operation each (which asks the policy).
import { defineAction } from "@/lib/server/define-action";
import { createCounty } from "@/lib/organizations/create-county";
import { createUnit } from "@/lib/organizations/create-unit";
import { moveUnit } from "@/lib/organizations/move-unit";
import { restoreUnit } from "@/lib/organizations/restore-unit";
import { retireUnit } from "@/lib/organizations/retire-unit";
import { updateUnit } from "@/lib/organizations/update-unit";
import {
  newCountyInput,
  newUnitInput,
  unitMoveInput,
  unitRefInput,
  unitUpdateInput,
} from "@/lib/organizations/unit-input";

export const createUnitAction = defineAction({ name: "createUnit", input: newUnitInput, operation: createUnit });

export const createCountyAction = defineAction({
  name: "createCounty",
  input: newCountyInput,
  operation: createCounty,
});

export const updateUnitAction = defineAction({ name: "updateUnit", input: unitUpdateInput, operation: updateUnit });

export const moveUnitAction = defineAction({ name: "moveUnit", input: unitMoveInput, operation: moveUnit });

export const retireUnitAction = defineAction({ name: "retireUnit", input: unitRefInput, operation: retireUnit });

export const restoreUnitAction = defineAction({ name: "restoreUnit", input: unitRefInput, operation: restoreUnit });
