import "server-only";
import { randomInt } from "node:crypto";

// An initial password an administrator hands over (a new account, a reset): 12 characters
// from an alphabet without look-alikes (no 0/O/o, 1/l/I), about 69 bits, drawn with
// crypto.randomInt. It works until the user chooses their own, which the first sign-in asks for.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
export const INITIAL_PASSWORD_LENGTH = 12;

export function generateInitialPassword(): string {
  let password = "";
  for (let index = 0; index < INITIAL_PASSWORD_LENGTH; index += 1) password += ALPHABET[randomInt(ALPHABET.length)];
  return password;
}
