"use client";

import { PageError } from "@/components/ui/page-error";

// A page of this group that failed to render, shown inside the group's header and navigation.
export default PageError;
