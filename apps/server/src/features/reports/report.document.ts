import type { ReportLanguage } from '@rapport/contracts';
import PDFDocument from 'pdfkit';
import type { ReportText } from './report.dictionary.js';
import { fontBytes } from './report.fonts.js';

/** A4 in points; the margins leave room for the running header and footer. */
const MARGIN = { top: 70, bottom: 70, left: 56, right: 56 };
const INK = '#1f2933';
const MUTED = '#616e7c';
const RULE = '#cbd2d9';
const HEADER_FILL = '#eef2f6';
const CELL_PADDING = 4;

/** What every report is made with besides its data. */
export interface ReportContext {
  lang: ReportLanguage;
  organisation: string;
  /** When the report is made (ISO date-time). */
  generatedAt: string;
}

export interface ReportCover {
  title: string;
  subtitle?: string;
  organisation: string;
  /** When the report was made (ISO date-time). */
  generatedAt: string;
  /** Further lines of the title page, such as the period or the relationship. */
  details?: [label: string, value: string][];
}

export interface TableColumn {
  header: string;
  /** A share of the text width; the shares of a table add up to 1. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

/**
 * The frame every report shares: a title page, sections, tables that break across pages with their header row
 * repeated, and a running header (report title, organisation) and footer (generation date, "page n of N") drawn
 * once the page count is known. Pages are buffered for that last step, which reports of a few dozen pages afford.
 */
export class ReportDocument {
  readonly doc: PDFKit.PDFDocument;
  readonly t: ReportText;
  private readonly cover: ReportCover;

  constructor(lang: ReportLanguage, t: ReportText, cover: ReportCover) {
    this.t = t;
    this.cover = cover;
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: true,
      lang,
      displayTitle: true,
      info: {
        Title: cover.title,
        Author: cover.organisation,
        Creator: 'Rapport',
        CreationDate: new Date(cover.generatedAt),
      },
    });
    this.doc.registerFont('body', fontBytes('regular'));
    this.doc.registerFont('bold', fontBytes('bold'));
    this.doc.font('body').fillColor(INK);
    this.titlePage();
  }

  get width() {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }

  private get bottom() {
    return this.doc.page.height - MARGIN.bottom;
  }

  formatDateTime(iso: string) {
    return new Intl.DateTimeFormat(this.t.locale, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(new Date(iso));
  }

  formatNumber(value: number | null, digits = 1) {
    if (value === null) return this.t.common.notSet;
    return new Intl.NumberFormat(this.t.locale, { maximumFractionDigits: digits }).format(value);
  }

  private titlePage() {
    const { doc, cover } = this;
    doc.font('bold').fontSize(26).text(cover.title, MARGIN.left, 220, { width: this.width });
    if (cover.subtitle) doc.moveDown(0.4).font('body').fontSize(13).fillColor(MUTED).text(cover.subtitle);
    doc.fillColor(INK).moveDown(2);
    this.keyValues([
      [this.t.common.organisation, cover.organisation],
      ...(cover.details ?? []),
      [this.t.common.generated, `${this.formatDateTime(cover.generatedAt)} UTC`],
    ]);
  }

  /** Starts a section on a new page. */
  section(title: string) {
    this.doc.addPage();
    this.doc
      .font('bold')
      .fontSize(17)
      .fillColor(INK)
      .text(title, MARGIN.left, MARGIN.top, { width: this.width });
    this.doc.moveDown(0.5);
  }

  /** A heading inside a section; moves to the next page rather than leaving a heading alone at the bottom. */
  heading(title: string) {
    this.ensureSpace(70);
    this.doc.moveDown(0.6).font('bold').fontSize(13).fillColor(INK);
    this.doc.text(title, MARGIN.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
  }

  paragraph(text: string, options: { muted?: boolean } = {}) {
    this.doc
      .font('body')
      .fontSize(10)
      .fillColor(options.muted ? MUTED : INK)
      .text(text, MARGIN.left, this.doc.y, { width: this.width, lineGap: 2 });
    this.doc.fillColor(INK).moveDown(0.4);
  }

  /** A labelled block of text (findings, decisions): the label, then the text or a dash. */
  block(label: string, text: string) {
    this.ensureSpace(40);
    this.doc.font('bold').fontSize(10).text(label, MARGIN.left, this.doc.y, { width: this.width });
    this.paragraph(text.trim() || this.t.common.notSet);
  }

  keyValues(pairs: [string, string][]) {
    this.table(
      [
        { header: '', width: 0.38 },
        { header: '', width: 0.62 },
      ],
      pairs.map(([label, value]) => [label, value]),
      { header: false, boldFirstColumn: true },
    );
  }

  ensureSpace(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** Moves the cursor below a drawing of the given height. */
  reserve(height: number) {
    this.ensureSpace(height);
    const top = this.doc.y;
    this.doc.y = top + height;
    return top;
  }

  table(
    columns: TableColumn[],
    rows: string[][],
    options: { header?: boolean; boldFirstColumn?: boolean; empty?: string } = {},
  ) {
    const { doc } = this;
    if (rows.length === 0) {
      if (options.empty) this.paragraph(options.empty, { muted: true });
      return;
    }
    const widths = columns.map((column) => column.width * this.width);
    const showHeader = options.header !== false;
    doc.fontSize(9);

    const heightOf = (cells: string[], font: 'body' | 'bold') =>
      Math.max(
        ...cells.map((cell, i) => {
          doc.font(i === 0 && options.boldFirstColumn ? 'bold' : font);
          return doc.heightOfString(cell || ' ', { width: (widths[i] ?? 0) - 2 * CELL_PADDING });
        }),
      ) +
      2 * CELL_PADDING;

    const drawRow = (cells: string[], kind: 'header' | 'body') => {
      const height = heightOf(cells, kind === 'header' ? 'bold' : 'body');
      const top = doc.y;
      if (kind === 'header') doc.rect(MARGIN.left, top, this.width, height).fill(HEADER_FILL);
      let x = MARGIN.left;
      cells.forEach((cell, i) => {
        const width = widths[i] ?? 0;
        doc
          .font(kind === 'header' || (i === 0 && options.boldFirstColumn) ? 'bold' : 'body')
          .fillColor(INK)
          .text(cell, x + CELL_PADDING, top + CELL_PADDING, {
            width: width - 2 * CELL_PADDING,
            align: columns[i]?.align ?? 'left',
          });
        x += width;
      });
      doc
        .moveTo(MARGIN.left, top + height)
        .lineTo(MARGIN.left + this.width, top + height)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      doc.x = MARGIN.left;
      doc.y = top + height;
    };

    const headerCells = columns.map((column) => column.header);
    const headerHeight = showHeader ? heightOf(headerCells, 'bold') : 0;
    // The header and at least the first row stay together.
    this.ensureSpace(headerHeight + heightOf(rows[0] ?? [], 'body'));
    if (showHeader) drawRow(headerCells, 'header');
    for (const row of rows) {
      if (doc.y + heightOf(row, 'body') > this.bottom) {
        doc.addPage();
        doc.y = MARGIN.top;
        if (showHeader) drawRow(headerCells, 'header');
      }
      drawRow(row, 'body');
    }
    doc.moveDown(0.6);
  }

  /** Draws the running header and footer on every page and returns the finished PDF. */
  async finish(): Promise<Buffer> {
    const { doc, cover, t } = this;
    const range = doc.bufferedPageRange();
    const total = range.count;
    for (let i = range.start; i < range.start + total; i++) {
      doc.switchToPage(i);
      // Writing into the margins must not start a new page.
      const { margins } = doc.page;
      const saved = { top: margins.top, bottom: margins.bottom };
      margins.top = 0;
      margins.bottom = 0;
      doc.font('body').fontSize(8).fillColor(MUTED);
      if (i > range.start) {
        doc.text(cover.title, MARGIN.left, 36, { width: this.width / 2, lineBreak: false });
        doc.text(cover.organisation, MARGIN.left + this.width / 2, 36, {
          width: this.width / 2,
          align: 'right',
          lineBreak: false,
        });
      }
      const footerY = doc.page.height - 44;
      doc.text(`${t.common.generated} ${cover.generatedAt.slice(0, 10)}`, MARGIN.left, footerY, {
        width: this.width / 2,
        lineBreak: false,
      });
      doc.text(t.common.page(i - range.start + 1, total), MARGIN.left + this.width / 2, footerY, {
        width: this.width / 2,
        align: 'right',
        lineBreak: false,
      });
      margins.top = saved.top;
      margins.bottom = saved.bottom;
    }
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise<void>((resolve, reject) => {
      doc.on('end', resolve);
      doc.on('error', reject);
    });
    doc.end();
    await ended;
    return Buffer.concat(chunks);
  }
}
