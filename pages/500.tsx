import { StaticErrorPage } from "@/components/ui/static-error-page";

// The static page Next.js answers with when a request fails outside the rendering of a
// page, where app/error.tsx and app/global-error.tsx cannot answer (a form posted without
// JavaScript whose action failed, a failure in Next.js's own handling). An app made only of
// app/ gets Next's built-in English page there, and app/ has no file convention for it
// (Next.js looks up pages/500 for that answer), hence this page under pages/.
export default function ServerErrorPage() {
  return (
    <StaticErrorPage title="页面暂时无法显示" notice="服务暂时不可用，请稍后重试。已保存的内容不会丢失。" canReload>
      <p>如果多次重试仍然如此，请联系系统管理员。</p>
    </StaticErrorPage>
  );
}
