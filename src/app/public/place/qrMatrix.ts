/** A QR code as one SVG path, with a quiet zone of 4 modules on each side. */
export interface QrMatrix {
  /** Side of the whole square, in modules (the code's modules + 8). */
  size: number;
  path: string;
}

/** Builds the QR code of `text` on the device, as one SVG path (no inline HTML, no data:
 *  URL, prints crisply). qrcode-generator is loaded only here, when someone asks for a code. */
export async function qrMatrix(text: string): Promise<QrMatrix> {
  const { default: qrcode } = await import('qrcode-generator');
  // The library's default packs characters into Latin-1 bytes; accents need UTF-8.
  qrcode.stringToBytes = (s: string) => Array.from(new TextEncoder().encode(s));
  // Level L: the least dense code for this much text, easiest for modest phone cameras.
  const qr = qrcode(0, 'L');
  qr.addData(text, 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  let path = '';
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.isDark(row, col)) path += `M${col + 4} ${row + 4}h1v1h-1z`;
    }
  }
  return { size: count + 8, path };
}
