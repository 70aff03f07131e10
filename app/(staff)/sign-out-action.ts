"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/server/sign-in";

/** Ends the session on the server (the row is deleted), then clears the cookie. */
export async function signOutAction(): Promise<void> {
  await signOut(await headers());
  redirect("/login?signedOut=1");
}
