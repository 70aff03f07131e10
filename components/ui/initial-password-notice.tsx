/**
 * An initial password, shown once: it is not stored, so this is the only time anyone sees
 * it. The administrator hands it over in person or by a safe channel.
 */
export function InitialPasswordNotice({
  heading,
  username,
  initialPassword,
}: {
  heading: string;
  username: string;
  initialPassword: string;
}) {
  return (
    <section className="notice notice--success" aria-labelledby="initial-password-heading" role="status">
      <h2 id="initial-password-heading">{heading}</h2>
      <dl className="summary-list">
        <dt>用户名</dt>
        <dd data-testid="created-username">{username}</dd>
        <dt>初始密码</dt>
        <dd>
          <code className="initial-password" data-testid="initial-password">
            {initialPassword}
          </code>
        </dd>
      </dl>
      <p>
        <strong>初始密码只显示这一次</strong>
        ，系统不保存它。请当面或通过安全的方式告知本人；本人首次登录时须设置自己的新密码。忘记时可再次重置。
      </p>
    </section>
  );
}
