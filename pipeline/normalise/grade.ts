// GRADE's words: the five reasons to rate down, the three to rate up, and the four levels of certainty (English, Chinese, ⊕ symbols).
import { parseNumber } from './number.ts';
import { rejected, type Parsed } from './types.ts';
import { wordParser } from './words.ts';

export const DOWNGRADES = ['not serious', 'serious', 'very serious'] as const;
export type Downgrade = (typeof DOWNGRADES)[number];
export const parseDowngrade = wordParser<Downgrade>(
  {
    'not serious': ['no serious', 'none', 'no', 'not present', '不严重', '无严重', '无', '否', '0'],
    serious: ['严重', '-1'],
    'very serious': ['extremely serious', '非常严重', '极其严重', '很严重', '-2'],
  },
  'a GRADE rating (not serious, serious, very serious)',
);

export const UPGRADES = ['no', 'yes', 'very large'] as const;
export type Upgrade = (typeof UPGRADES)[number];
export const parseUpgrade = wordParser<Upgrade>(
  {
    no: ['none', 'not present', '否', '无', '0'],
    yes: ['large', 'present', '是', '有', '大', '+1', '1'],
    'very large': ['非常大', '很大', '极大', '+2', '2'],
  },
  'a GRADE upgrade (no, yes, very large)',
);

/** The levels from best to worst. */
export const CERTAINTIES = ['high', 'moderate', 'low', 'very low'] as const;
export type Certainty = (typeof CERTAINTIES)[number];
export const parseCertainty = wordParser<Certainty>(
  {
    high: ['高', '高质量', '⊕⊕⊕⊕'],
    moderate: ['medium', '中', '中等', '中等质量', '⊕⊕⊕◯', '⊕⊕⊕○', '⊕⊕⊕⊝'],
    low: ['低', '低质量', '⊕⊕◯◯', '⊕⊕○○', '⊕⊕⊝⊝'],
    'very low': ['极低', '非常低', '很低', '极低质量', '⊕◯◯◯', '⊕○○○', '⊕⊝⊝⊝'],
  },
  'a GRADE certainty',
);

/** Levels each word moves: a downgrade down, an upgrade up. */
export const DOWNGRADE_LEVELS: Readonly<Record<Downgrade, number>> = { 'not serious': 0, serious: 1, 'very serious': 2 };
export const UPGRADE_LEVELS: Readonly<Record<Upgrade, number>> = { no: 0, yes: 1, 'very large': 2 };

/** A control-group risk per 1,000 (0 to 1,000), as GRADE's summary of findings states it. */
export function parsePerThousand(raw: string): Parsed<number> {
  const result = parseNumber(raw);
  if (result.ok && (result.value < 0 || result.value > 1000)) return rejected(`${raw.trim()} is not a risk per 1,000 (0 to 1000)`);
  return result;
}
