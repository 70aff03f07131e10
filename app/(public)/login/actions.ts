"use server";
import { headers } from "next/headers";
import { z } from "zod";
import { checkedText } from "@/lib/report-data";
import { authorize } from "@/lib/server/authorize";
import { clientAddress } from "@/lib/server/client-address";
import { defineAction } from "@/lib/server/define-action";
import { signIn } from "@/lib/server/sign-in";

const input = z.strictObject({
  username: checkedText(z.string({ error: "请输入用户名" }))
    .trim()
    .min(1, "请输入用户名")
    .max(40, "用户名不超过 40 个字符"),
  password: checkedText(z.string({ error: "请输入密码" }))
    .min(1, "请输入密码")
    .max(128, "密码不超过 128 个字符"),
});

export const signInAction = defineAction({
  name: "signIn",
  input,
  allowAnonymous: true,
  action: "session.signIn",
  authorize: async ({ actor }) => authorize(actor, "session.signIn", null),
  run: async ({ input: credentials }) => {
    const requestHeaders = await headers();
    return signIn({ ...credentials, address: clientAddress(requestHeaders.get("x-forwarded-for")), requestHeaders });
  },
});
