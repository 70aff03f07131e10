import { NotFoundNotice } from "@/components/ui/not-found-notice";

// A page of this group that called notFound() (a report that does not exist or is not the
// visitor's), shown inside the group's header and navigation.
export default function NotFound() {
  return <NotFoundNotice />;
}
