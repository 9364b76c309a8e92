// Reads a p-value as papers print it ("0.04", "<0.001", "P = .03", "p＜0.05") into its number, relation and written decimals.
import { foldFullWidth, parseNumber, decimalPlaces } from './number.ts';
import { parsed, rejected, tooLong, type Parsed } from './types.ts';

/** A printed p-value: `relation` is how it was stated (`=` when a plain number), `decimals` as written. */
export interface PValue {
  value: number;
  relation: '=' | '<' | '>' | '<=' | '>=';
  decimals: number;
}

const MAX_LENGTH = 1_000;
// "p", "P", "P value", then the relation, then the number: "P < .001", "p=0.04", "≤0.05".
const P_VALUE = /^(?:p(?:\s*-?\s*value)?\s*)?(<=|>=|≤|≥|<|>|=)?\s*([^\s<>=≤≥].*)$/i;

const RELATIONS: Readonly<Record<string, PValue['relation']>> = { '<': '<', '>': '>', '=': '=', '<=': '<=', '>=': '>=', '≤': '<=', '≥': '>=' };

export function parsePValue(raw: string): Parsed<PValue> {
  const long = tooLong(raw, MAX_LENGTH, 'a p-value is a few characters');
  if (long !== undefined) return long;
  const text = foldFullWidth(raw.trim()).replace(/＜/g, '<').replace(/＞/g, '>');
  const match = P_VALUE.exec(text);
  const shown = raw.trim();
  if (!match) return rejected(`'${shown}' is not a p-value (0.04, <0.001)`);
  // ".001" is as papers print it; parseNumber wants a leading digit.
  const digits = match[2]!.startsWith('.') ? `0${match[2]}` : match[2]!;
  const number = parseNumber(digits);
  if (!number.ok) return rejected(`'${shown}' is not a p-value (0.04, <0.001)`);
  if (number.value < 0 || number.value > 1) return rejected(`${shown} is out of range; a p-value is 0–1`);
  return parsed({ value: number.value, relation: RELATIONS[match[1] ?? '='] ?? '=', decimals: decimalPlaces(digits) });
}
