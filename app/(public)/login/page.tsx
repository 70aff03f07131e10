import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { env } from "@/lib/server/env";
import { sameOriginPath } from "@/lib/server/same-origin-path";
import { getCurrentUser, homePathForUser } from "@/lib/server/session";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "工作人员登录" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; signedOut?: string }>;
}) {
  const user = await getCurrentUser();
  if (user) redirect(homePathForUser(user));
  const { next, signedOut } = await searchParams;
  return (
    <main id="main" className="page page--narrow">
      <h1>工作人员登录</h1>
      {signedOut && <p className="notice notice--success">您已安全退出。</p>}
      <p className="lead">
        乡镇、街道、县直部门的填报人员和县级审核人员使用本单位分配的账号登录。公众查阅已发布的报告无需登录。
      </p>
      <LoginForm next={sameOriginPath(typeof next === "string" ? next : null, env().APP_URL)} />
    </main>
  );
}
