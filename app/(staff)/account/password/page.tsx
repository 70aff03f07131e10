import type { Metadata } from "next";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/account-data/account-fields";
import { loadStaffPage } from "@/lib/server/page-guard";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "修改密码" };

export default async function PasswordPage() {
  const { user } = await loadStaffPage({
    page: "/account/password",
    action: "account.changeOwnPassword",
  });
  return (
    <main id="main" className="page page--narrow">
      <h1>{user.mustChangePassword ? "设置新密码" : "修改密码"}</h1>
      {user.mustChangePassword ? (
        <p className="notice notice--warning" data-testid="password-required">
          您正在使用管理员提供的初始密码。请先设置只有您自己知道的新密码，然后才能继续使用系统。
        </p>
      ) : (
        <p className="lead">修改后，您在其他浏览器或设备上的登录将全部退出。</p>
      )}
      <ul>
        <li>
          密码长度 {MIN_PASSWORD_LENGTH}～{MAX_PASSWORD_LENGTH} 个字符；
        </li>
        <li>不能与用户名相同，不能是 123456、a1234567 这类常见密码。</li>
      </ul>
      <PasswordForm username={user.username} needsCurrentPassword={!user.mustChangePassword} />
    </main>
  );
}
