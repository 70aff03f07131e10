import "server-only";
import { defineAccountSwitch } from "./switch-account";

/**
 * Disables an account: its sessions end at once and it cannot sign in until enabled again
 * (lib/server/auth.ts refuses it a session, lib/server/session.ts any that survived).
 * Disabling a disabled account changes nothing.
 */
export const disableAccount = defineAccountSwitch("disableAccount", "disabled");
