import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { qrMatrix, type QrMatrix } from './qrMatrix';

/** The QR code of `text`, drawn on the device (./qrMatrix.ts), named for screen readers. */
export function QrCode({ text, label }: { text: string; label: string }) {
  const matrix = useSignal<QrMatrix | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void qrMatrix(text).then((m) => live && (matrix.value = m));
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
