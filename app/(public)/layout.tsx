import { PublicHeader } from "@/components/ui/public-header";

// Public pages: no session is read here, so they stay cacheable.
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <PublicHeader />
      {children}
    </>
  );
}
