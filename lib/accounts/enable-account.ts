import "server-only";
import { defineAccountSwitch } from "./switch-account";

/** Enables a disabled account again (its password is the one it had). Enabling an enabled one changes nothing. */
export const enableAccount = defineAccountSwitch("enableAccount", "enabled");
