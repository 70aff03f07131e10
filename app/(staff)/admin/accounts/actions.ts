"use server";
import { accountIdInput, changeAccountInput, createAccountInput } from "@/lib/account-data/account-fields";
import { changeAccount } from "@/lib/accounts/change-account";
import { createAccount } from "@/lib/accounts/create-account";
import { disableAccount } from "@/lib/accounts/disable-account";
import { enableAccount } from "@/lib/accounts/enable-account";
import { resetPassword } from "@/lib/accounts/reset-password";
import { defineAction } from "@/lib/server/define-action";

export const createAccountAction = defineAction({ input: createAccountInput, operation: createAccount });

export const changeAccountAction = defineAction({ input: changeAccountInput, operation: changeAccount });

export const resetPasswordAction = defineAction({
  input: accountIdInput,
  operation: resetPassword,
  args: ({ input }) => [input.userId],
});

export const disableAccountAction = defineAction({
  input: accountIdInput,
  operation: disableAccount,
  args: ({ input }) => [input.userId],
});

export const enableAccountAction = defineAction({
  input: accountIdInput,
  operation: enableAccount,
  args: ({ input }) => [input.userId],
});
