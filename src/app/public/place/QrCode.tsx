import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';

interface QrMatrix {
  size: number;
  path: string;
}

/** Builds the QR code as one SVG path (no inline HTML, no data: URL, prints crisply).
 *  qrcode-generator is loaded only here, when someone asks for the code. */
async function buildQr(text: string): Promise<QrMatrix> {
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

export function QrCode({ text, label }: { text: string; label: string }) {
  const matrix = useSignal<QrMatrix | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void buildQr(text).then((m) => live && (matrix.value = m));
    return () => void (live = false);
  }, [text]);
  const m = matrix.value;
  if (!m) return null;
  return (
    <svg class="qr" viewBox={`0 0 ${m.size} ${m.size}`} role="img" aria-label={label} shape-rendering="crispEdges">
      <rect width={m.size} height={m.size} fill="#fff" />
      <path d={m.path} fill="#000" />
    </svg>
  );
}
