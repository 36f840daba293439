// The Escale pictogram: a white minibus front under a pin-shaped roof light, on the
// app's teal. `maskable` fills the whole square and keeps the drawing inside the
// central 80 % safe zone that launchers may crop to a circle.
export function iconSvg({ maskable = false, rounded = true } = {}) {
  const bg = maskable || !rounded
    ? '<rect width="512" height="512" fill="#00566b"/>'
    : '<rect width="512" height="512" rx="96" fill="#00566b"/>';
  const scale = maskable ? 0.72 : 0.9;
  const offset = (512 - 512 * scale) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  ${bg}
  <g transform="translate(${offset} ${offset}) scale(${scale})">
    <path d="M256 40c-44 0-80 34-80 77 0 52 80 123 80 123s80-71 80-123c0-43-36-77-80-77z" fill="#ffd166"/>
    <circle cx="256" cy="116" r="28" fill="#00566b"/>
    <rect x="116" y="224" width="280" height="200" rx="36" fill="#ffffff"/>
    <rect x="146" y="254" width="220" height="86" rx="14" fill="#00566b"/>
    <circle cx="176" cy="378" r="18" fill="#00566b"/>
    <circle cx="336" cy="378" r="18" fill="#00566b"/>
    <rect x="146" y="420" width="56" height="44" rx="12" fill="#ffffff"/>
    <rect x="310" y="420" width="56" height="44" rx="12" fill="#ffffff"/>
  </g>
</svg>`;
}
