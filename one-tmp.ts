import { seeds } from "@/fixtures";
import { seedHtml, seedHtmlPdfPath } from "@/fixtures/import/write-seed-html-pdfs";
import { printWithLibreOffice } from "@/fixtures/import/print-with-libreoffice";
const i = Number(process.argv[2]);
printWithLibreOffice(`seed-${i}-narrow.html`, seedHtml(seeds[i]!, "narrow"), "pdf:writer_web_pdf_Export", seedHtmlPdfPath(i, "narrow"));
