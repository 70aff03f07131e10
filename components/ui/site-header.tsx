import Link from "next/link";

/** The site's top bar: the brand linking home, and the navigation of the audience. */
export function SiteHeader({ navLabel, children }: { navLabel: string; children: React.ReactNode }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link className="site-header__brand" href="/">
          年报<small>政府信息公开工作年度报告</small>
        </Link>
        <nav className="site-header__nav" aria-label={navLabel}>
          {children}
        </nav>
      </div>
    </header>
  );
}
