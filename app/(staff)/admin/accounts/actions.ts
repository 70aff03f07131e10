"use server";
import { accountIdInput, changeAccountInput, createAccountInput } from "@/lib/account-data/account-fields";
import { changeAccount } from "@/lib/accounts/change-account";
import { createAccount } from "@/lib/accounts/create-account";
import { disableAccount } from "@/lib/accounts/disable-account";
import { enableAccount } from "@/lib/accounts/enable-account";
import { resetPassword } from "@/lib/accounts/reset-password";
import { defineAction } from "@/lib/server/define-action";
import type { Operation } from "@/lib/server/define-operation";

export const createAccountAction = defineAction({ input: createAccountInput, operation: createAccount });

export const changeAccountAction = defineAction({ input: changeAccountInput, operation: changeAccount });

/** The buttons of an account's page: the form posts only the account's id. */
const onAccount = <T>(operation: Operation<[userId: string], T>) =>
  defineAction({ input: accountIdInput, operation, args: ({ input }) => [input.userId] });

export const resetPasswordAction = onAccount(resetPassword);
export const disableAccountAction = onAccount(disableAccount);
export const enableAccountAction = onAccount(enableAccount);
