"use client";

import { PageError } from "@/components/ui/page-error";

// A page that failed to render outside the route groups' own boundaries (their layouts
// included: the staff layout reads the session, so a database outage fails it).
export default PageError;
