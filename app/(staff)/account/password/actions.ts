"use server";
import { headers } from "next/headers";
import { changeOwnPasswordInput } from "@/lib/account-data/account-fields";
import { changeOwnPassword } from "@/lib/accounts/change-own-password";
import { authorize } from "@/lib/server/authorize";
import { clientAddress } from "@/lib/server/client-address";
import { defineAction } from "@/lib/server/define-action";

export const changeOwnPasswordAction = defineAction({
  name: "changeOwnPassword",
  input: changeOwnPasswordInput,
  action: "account.changeOwnPassword",
  authorize: async ({ actor }) => authorize(actor, "account.changeOwnPassword", null),
  // The current password is checked against the sign-in allowance of the connection's address.
  run: async ({ input, actor, user }) =>
    changeOwnPassword(actor, input, {
      sessionId: user!.sessionId,
      address: clientAddress((await headers()).get("x-forwarded-for")),
    }),
});
