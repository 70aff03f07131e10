import type { Metadata } from "next";
import { NotFoundNotice } from "@/components/ui/not-found-notice";
import { PublicHeader } from "@/components/ui/public-header";

export const metadata: Metadata = { title: "找不到该页面" };

// Any address no route matches (the route groups answer their own notFound() calls).
export default function NotFound() {
  return (
    <>
      <PublicHeader />
      <NotFoundNotice />
    </>
  );
}
