// Figures as vector scenes (rectangles, lines, paths, measured text, a title and description) and a small builder for them.
import { measureText } from '../fonts.ts';

/** A colour as `#rrggbb`. */
export type Color = `#${string}`;

export interface Stroke {
  color: Color;
  /** In points. */
  width: number;
  /** Dash and gap lengths in points; solid when absent. */
  dash?: readonly number[];
}

/** How a closed shape is painted: filled, outlined, or both. */
export interface Paint {
  fill?: Color;
  stroke?: Stroke;
}

export type PathCommand =
  | { op: 'M' | 'L'; x: number; y: number }
  | { op: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
  | { op: 'Z' };

export type TextAnchor = 'start' | 'middle' | 'end';

export type Shape =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; paint: Paint }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: Stroke }
  | { kind: 'path'; commands: PathCommand[]; paint: Paint }
  /** `y` is the baseline; `width` is the measured advance, so a renderer can place and check text without fonts. */
  | { kind: 'text'; x: number; y: number; text: string; size: number; bold: boolean; anchor: TextAnchor; color: Color; width: number };

/**
 * A figure in points (1/72 inch), origin at the top-left, y downwards. `title` and `description` are what a screen
 * reader says: the SVG's <title>/<desc> in HTML, the figure's alternative text in the tagged PDF.
 */
export interface Scene {
  width: number;
  height: number;
  title: string;
  description: string;
  shapes: Shape[];
}

/** Advance width in points of text set in the documents' sans face at `size`. */
export type TextMeasure = (text: string, size: number, bold: boolean) => number;

export interface TextOptions {
  size?: number;
  bold?: boolean;
  anchor?: TextAnchor;
  color?: Color;
}

const INK: Color = '#1d1d1f';

/**
 * Builds a scene shape by shape. Text is measured with the font both outputs embed, so a figure can be laid out
 * around its labels (a forest plot's study names, say) before any renderer sees it:
 *
 *   const s = new SceneBuilder(320, 120, { title: 'Forest plot', description: '…' });
 *   const w = s.text('Aronson 1948', 4, 20, { size: 8 });
 *   s.line(100, 16, 180, 16, { color: '#000000', width: 0.75 });
 *   s.diamond(128, 140, 156, 60, 4, { fill: '#1f4e8c' });
 *   const scene = s.build();
 */
export class SceneBuilder {
  private readonly shapes: Shape[] = [];
  readonly width: number;
  readonly height: number;
  private readonly title: string;
  private readonly description: string;
  private readonly measurer: TextMeasure;

  constructor(width: number, height: number, about: { title: string; description: string }, measure: TextMeasure = measureText) {
    this.width = width;
    this.height = height;
    this.title = about.title;
    this.description = about.description;
    this.measurer = measure;
  }

  /** The width `text` would take, in points. */
  measure(text: string, size = 9, bold = false): number {
    return this.measurer(text, size, bold);
  }

  rect(x: number, y: number, width: number, height: number, paint: Paint): this {
    this.shapes.push({ kind: 'rect', x, y, width, height, paint });
    return this;
  }

  line(x1: number, y1: number, x2: number, y2: number, stroke: Stroke): this {
    this.shapes.push({ kind: 'line', x1, y1, x2, y2, stroke });
    return this;
  }

  /** A path from commands; see also `polygon` and `diamond`. */
  path(commands: readonly PathCommand[], paint: Paint): this {
    this.shapes.push({ kind: 'path', commands: [...commands], paint });
    return this;
  }

  /** A closed polygon through the points. */
  polygon(points: readonly (readonly [number, number])[], paint: Paint): this {
    const commands: PathCommand[] = points.map(([x, y], i) => ({ op: i === 0 ? 'M' : 'L', x, y }));
    commands.push({ op: 'Z' });
    return this.path(commands, paint);
  }

  /** A diamond from `low` to `high` with its top and bottom at `mid`, centred on the line `cy`: a pooled estimate and its interval. */
  diamond(low: number, mid: number, high: number, cy: number, halfHeight: number, paint: Paint): this {
    return this.polygon(
      [
        [low, cy],
        [mid, cy - halfHeight],
        [high, cy],
        [mid, cy + halfHeight],
      ],
      paint,
    );
  }

  /** Text on the baseline `y`, anchored at `x`; returns its measured width. */
  text(text: string, x: number, y: number, options: TextOptions = {}): number {
    const size = options.size ?? 9;
    const bold = options.bold ?? false;
    const width = this.measurer(text, size, bold);
    this.shapes.push({ kind: 'text', x, y, text, size, bold, anchor: options.anchor ?? 'start', color: options.color ?? INK, width });
    return width;
  }

  build(): Scene {
    return { width: this.width, height: this.height, title: this.title, description: this.description, shapes: [...this.shapes] };
  }
}

/** Where anchored text starts. */
export function textStart(shape: Extract<Shape, { kind: 'text' }>): number {
  return shape.anchor === 'start' ? shape.x : shape.anchor === 'middle' ? shape.x - shape.width / 2 : shape.x - shape.width;
}
