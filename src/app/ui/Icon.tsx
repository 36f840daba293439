import { ICONS, type IconName } from './icons';

interface IconProps {
  name: IconName;
  /** CSS size; defaults to 1.4em so it scales with the text beside it. */
  size?: string;
  class?: string;
}

/** A decorative pictogram: hidden from screen readers, the words beside it carry meaning. */
export function Icon({ name, size = '1.4em', class: className }: IconProps) {
  return (
    <svg
      class={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={ICONS[name]} />
    </svg>
  );
}
