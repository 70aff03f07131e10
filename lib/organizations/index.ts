/**
 * The universal half of lib/organizations: field rules the forms and the server share.
 * The operations (create-unit.ts …) are server-only and imported one by one.
 */
export * from "./credit-code";
export * from "./division-code";
export * from "./unit-kinds";
export * from "./unit-name";
