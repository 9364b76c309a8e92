// A printed number and the interval its rounding hides: "0.65" stands for anything in [0.645, 0.655].

import { decimalPlaces } from './number.ts';

/** A number as printed: its value, the half-unit of its last written decimal, and the text to show. */
export interface Printed {
  value: number;
  /** Half of the last written decimal's unit: 0.005 for "0.65", 0.5 for "12". */
  half: number;
  decimals: number;
  /** ASCII, with its written decimals (-10.0 stays -10.0). */
  text: string;
}

const EXPONENT = /e/i;

/** The printed form of `value`, read from its cell's raw text (undefined raw: as many decimals as the value has). */
export function printed(value: number, raw: string | undefined): Printed {
  const text = raw ?? String(value);
  if (EXPONENT.test(text)) {
    // 1.5e-3: the decimals of the mantissa, scaled by the exponent.
    const [mantissa = '', exponent = '0'] = text.toLowerCase().split('e');
    const decimals = Math.max(0, decimalPlaces(mantissa) - Number(exponent));
    return { value, half: 0.5 * 10 ** -decimals, decimals, text: String(value) };
  }
  const decimals = decimalPlaces(text);
  return { value, half: 0.5 * 10 ** -decimals, decimals, text: value.toFixed(Math.min(decimals, 20)) };
}

/** The lowest and highest value the printed number may have stood for. */
export function bounds(number: Printed): [number, number] {
  return [number.value - number.half, number.value + number.half];
}
