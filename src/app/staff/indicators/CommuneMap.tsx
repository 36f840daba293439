import type { ComponentChildren } from 'preact';
import type { ShapeSet } from './communeShapes';

export interface MapClass {
  key: string;
  label: string;
  /** Fill: a colour or `url(#pattern)`. */
  fill: string;
}

interface Props {
  id: string;
  title: string;
  shapes: ShapeSet;
  /** Class of each commune (by INSEE); communes without one use `fallback`. */
  classOf: (insee: string) => MapClass;
  /** Text written on the commune (a figure), or undefined. */
  labelOf: (insee: string) => string | undefined;
  /** Tooltip and accessible text of a commune. */
  describe: (insee: string, name: string) => string;
  classes: readonly MapClass[];
  legendTitle: string;
  /** <pattern> definitions the classes use. */
  defs?: ComponentChildren;
}

/**
 * A choropleth of the communes in inline SVG: each class has a fill AND a pattern or a
 * written figure, and the legend names every class, so nothing is told by colour alone.
 * The tables beside it carry the same figures for screen readers.
 */
export function CommuneMap({ id, title, shapes, classOf, labelOf, describe, classes, legendTitle, defs }: Props) {
  return (
    <figure class="commune-map" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}><strong>{title}</strong></figcaption>
      <svg viewBox={`0 0 ${shapes.width} ${shapes.height}`} role="img" aria-labelledby={`${id}-title`}>
        <defs>{defs}</defs>
        {shapes.shapes.map((s) => (
          <path key={s.insee} d={s.d} fill={classOf(s.insee).fill} data-insee={s.insee}>
            <title>{describe(s.insee, s.name)}</title>
          </path>
        ))}
        {shapes.shapes.map((s) => {
          const label = labelOf(s.insee);
          return label === undefined ? null : <text key={s.insee} x={s.x} y={s.y} text-anchor="middle" dominant-baseline="middle">{label}</text>;
        })}
      </svg>
      <p class="visually-hidden">{legendTitle}</p>
      <ul class="legend" aria-label={legendTitle}>
        {classes.map((c) => (
          <li key={c.key}>
            <svg viewBox="0 0 24 16" aria-hidden="true" focusable="false"><rect width="24" height="16" fill={c.fill} /></svg>
            {c.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** Hatching, dots: the white-zone classes differ by pattern as well as by shade. */
export function CoveragePatterns({ prefix }: { prefix: string }) {
  return (
    <>
      <pattern id={`${prefix}-none`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#f6d5d5" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#8a1c1c" stroke-width="2.5" />
      </pattern>
      <pattern id={`${prefix}-low`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#fff3d6" />
        <circle cx="3" cy="3" r="1.4" fill="#7a4b00" />
      </pattern>
      <pattern id={`${prefix}-unknown`} width="8" height="8" patternUnits="userSpaceOnUse">
        <rect width="8" height="8" fill="#ffffff" />
        <path d="M0,4 L8,4" stroke="#b8c2c6" stroke-width="1" />
      </pattern>
    </>
  );
}
