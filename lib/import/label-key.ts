/**
 * The label matcher lives in lib/template/label-key.ts (universal), so the wizard's
 * labelled paste (lib/report-form/paste.ts) places rows by the same rules as the importer.
 */
export * from "@/lib/template/label-key";
