"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authorize } from "@/lib/server/authorize";
import { defineFormAction } from "@/lib/server/define-action";
import { signOut } from "@/lib/server/sign-in";

/** Ends the session on the server (the row is deleted), then clears the cookie. */
export const signOutAction = defineFormAction({
  name: "signOut",
  // The sign-out form posts no fields; nothing of it is read.
  input: z.instanceof(FormData, { error: "请用页面上的“退出登录”按钮退出" }),
  allowAnonymous: true,
  action: "session.signOut",
  authorize: async ({ actor }) => authorize(actor, "session.signOut", null),
  run: async () => {
    await signOut(await headers());
    redirect("/login?signedOut=1");
  },
});
