import PDFDocument from "pdfkit";

/** The consultancy's letterhead on every PDF: name, address and logo from the settings. */
export interface Letterhead {
  businessName: string;
  businessAddress: string;
  logoDataUrl: string | null;
}

export type Pdf = InstanceType<typeof PDFDocument>;

/** Renders a document into memory (invoices are a page or two) and answers its bytes. */
export function renderPdf(title: string, draw: (doc: Pdf) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 50, info: { Title: title }, bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  draw(doc);
  doc.end();
  return done;
}

export function drawLetterhead(doc: Pdf, head: Letterhead, title: string): void {
  const top = doc.y;
  const logo = head.logoDataUrl?.split(",")[1];
  if (logo) {
    try {
      doc.image(Buffer.from(logo, "base64"), 50, top, { fit: [80, 50] });
    } catch {
      // A logo pdfkit cannot read is left off rather than failing the document.
    }
  }
  doc.font("Helvetica-Bold").fontSize(16).text(head.businessName, 150, top, { align: "right" });
  doc.font("Helvetica").fontSize(9).text(head.businessAddress, { align: "right" });
  doc.moveDown(2);
  doc.font("Helvetica-Bold").fontSize(20).text(title, 50);
  doc.moveDown(0.5);
}

/** A row of cells at fixed x positions; the first is wrapped, amounts right-aligned. */
export function drawRow(
  doc: Pdf,
  cells: readonly string[],
  columns: readonly { x: number; width: number; align?: "left" | "right" }[],
  options: { bold?: boolean } = {},
): void {
  const y = doc.y;
  doc.font(options.bold ? "Helvetica-Bold" : "Helvetica").fontSize(10);
  let bottom = y;
  cells.forEach((cell, index) => {
    const column = columns[index]!;
    doc.text(cell, column.x, y, { width: column.width, align: column.align ?? "left" });
    bottom = Math.max(bottom, doc.y);
  });
  doc.x = 50;
  doc.y = bottom + 4;
}
