import type { NextPageContext } from "next";
import { StaticErrorPage } from "@/components/ui/static-error-page";

// What Next.js answers, outside app/, for a request it refuses before any page is chosen
// (an address whose percent-encoding does not decode: 400). Without this file its built-in
// English page answers (“400: Bad Request”). Missing pages are app/not-found.tsx's, and a
// 500 is pages/500.tsx's; this page still words them, should Next.js ever send one here.
type Props = { statusCode: number };

function ErrorPage({ statusCode }: Props) {
  if (statusCode === 404)
    return (
      <StaticErrorPage
        title="找不到该页面"
        notice="网址可能有误，或该页面、报告不存在。请检查网址，或从首页重新查找。"
        canReload={false}
      />
    );
  if (statusCode >= 400 && statusCode < 500)
    return (
      <StaticErrorPage
        title="无法打开该网址"
        notice="网址的格式不正确，可能在复制时被截断或改动。请检查网址，或从首页重新查找。"
        canReload={false}
      />
    );
  return (
    <StaticErrorPage title="页面暂时无法显示" notice="服务暂时不可用，请稍后重试。已保存的内容不会丢失。" canReload>
      <p>如果多次重试仍然如此，请联系系统管理员。</p>
    </StaticErrorPage>
  );
}

ErrorPage.getInitialProps = ({ res, err }: NextPageContext): Props => ({
  statusCode: res?.statusCode ?? err?.statusCode ?? 500,
});

export default ErrorPage;
