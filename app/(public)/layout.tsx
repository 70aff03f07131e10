import Link from "next/link";

// Public pages: no session is read here, so they stay cacheable.
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="site-header">
        <div className="site-header__inner">
          <Link className="site-header__brand" href="/">
            年报<small>政府信息公开工作年度报告</small>
          </Link>
          <nav className="site-header__nav" aria-label="网站导航">
            <Link href="/">查找报告</Link>
            <Link href="/login">工作人员登录</Link>
          </nav>
        </div>
      </header>
      {children}
    </>
  );
}
