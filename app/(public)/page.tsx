import { formatDate } from "@/lib/format/date-time";
import { listPublications } from "@/lib/publications/list-publications";
import { runWithAuthorizationCheck } from "@/lib/server/authorize";

// Rendered per request from published data only; no session is read.
export const dynamic = "force-dynamic";

export default async function PublicHomePage({ searchParams }: { searchParams: Promise<{ q?: string; year?: string }> }) {
  const { q, year } = await searchParams;
  const yearNumber = year && /^\d{4}$/.test(year) ? Number(year) : undefined;
  const query = typeof q === "string" ? q : undefined;
  const publications = await runWithAuthorizationCheck("page /", () => listPublications(null, { query, year: yearNumber }));
  return (
    <main id="main" className="page">
      <h1>政府信息公开工作年度报告</h1>
      <p className="lead">查阅各乡镇、街道和县直部门已发布的年度报告，可下载 PDF、网页版和数据。</p>
      <form method="get" action="/" role="search" className="no-print">
        <div className="field">
          <label htmlFor="q">单位或地区名称</label>
          <input className="input" id="q" name="q" defaultValue={query} maxLength={50} />
        </div>
        <div className="field">
          <label htmlFor="year">年度</label>
          <input className="input" id="year" name="year" inputMode="numeric" pattern="\d{4}" defaultValue={yearNumber} style={{ maxWidth: "8rem" }} />
        </div>
        <button className="button" type="submit">
          查找
        </button>
      </form>
      <h2>已发布的报告</h2>
      {publications.length === 0 ? (
        <p>没有找到符合条件的报告。</p>
      ) : (
        <table className="table" data-testid="publications">
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">所属地区</th>
              <th scope="col">年度</th>
              <th scope="col">发布日期</th>
            </tr>
          </thead>
          <tbody>
            {publications.map((publication) => (
              <tr key={publication.publicationId}>
                <th scope="row">
                  <a href={`/reports/${publication.reportId}`}>{publication.organization}</a>
                </th>
                <td>{publication.county ?? "—"}</td>
                <td>{publication.year}</td>
                <td>{formatDate(publication.publishedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
