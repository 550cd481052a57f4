// Prints a page to PDF with Debian's Chromium (playwright-core, no download). The PDF's
// title carries the SHA-256 of the HTML it was printed from, so a check can tell a stale
// PDF without comparing bytes (PDF bytes differ between Chromium versions), and its
// creation dates are fixed, so the same Chromium prints the same bytes.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_HINT = 'install it with: sudo apt-get install -y chromium fonts-noto-cjk';
// Flags for this machine's closed network: no background connections, no sandbox as root.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const FIXED_DATE = "D:20000101000000+00'00'";

/** @param {string} html */
export const htmlDigest = (html) => createHash('sha256').update(html).digest('hex').slice(0, 32);

/**
 * The digest of the HTML a PDF was printed from, read back from its title.
 * @param {Buffer} pdf
 */
export function printedFrom(pdf) {
  return /sha256:([0-9a-f]{32})/.exec(pdf.toString('latin1'))?.[1];
}

export const haveChromium = () => existsSync(CHROMIUM);

/**
 * Prints each { htmlFile, html } to a PDF Buffer, in one browser.
 * @param {Array<{ htmlFile: string, html: string, title: string }>} pages
 * @returns {Promise<Buffer[]>}
 */
export async function printPdfs(pages) {
  if (!haveChromium()) throw new Error(`printing the review sheet PDF needs ${CHROMIUM}: ${CHROMIUM_HINT}`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const out = [];
    for (const { htmlFile, html, title } of pages) {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(htmlFile).href);
      await page.evaluate((t) => (document.title = t), `${title} sha256:${htmlDigest(html)}`);
      const pdf = Buffer.from(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      // Same length, so the PDF's byte offsets (xref) stay right.
      const fixed = pdf
        .toString('latin1')
        .replace(/\/(CreationDate|ModDate) \((D:[^)]*)\)/g, (match, key, date) => (date.length === FIXED_DATE.length ? `/${key} (${FIXED_DATE})` : match));
      out.push(Buffer.from(fixed, 'latin1'));
      await page.close();
    }
    return out;
  } finally {
    await browser.close();
  }
}
