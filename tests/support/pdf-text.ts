import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The text a reader's PDF viewer extracts from `pdf` (poppler's pdftotext, which .ci/run installs),
 * white space squeezed out. Text drawn in the embedded CJK font is glyph ids in the file, so only a
 * real extractor reads it back.
 */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ringscope-pdf-text-'));
  try {
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A word poppler finds on a page, with its box in PDF points (origin top left). */
export interface PdfWord {
  page: number;
  text: string;
  x: number;
  y: number;
  height: number;
}

/** Every word of `pdf` with where it is drawn (pdftotext -bbox), to check where a picture put its labels. */
export function pdfWords(pdf: Buffer): PdfWord[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ringscope-pdf-words-'));
  try {
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const html = execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox', file, '-'], { encoding: 'utf8' });
    const words: PdfWord[] = [];
    html.split('<page ').slice(1).forEach((pageHtml, index) => {
      for (const match of pageHtml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
        words.push({ page: index + 1, text: match[4], x: Number(match[1]), y: Number(match[2]), height: Number(match[3]) - Number(match[2]) });
      }
    });
    return words;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
