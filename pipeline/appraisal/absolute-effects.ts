// GRADE's anticipated absolute effects per 1,000: the risk with the intervention from an assumed control risk and a pooled relative effect, as GRADEpro computes it.
import type { StudyEffect } from '../synthesis/types.ts';

/** The relative measures an absolute effect is computed from. */
export type AbsoluteMeasure = 'RR' | 'OR' | 'HR' | 'RD';

/**
 * The risk with the intervention (a proportion) for a control risk `acr` (a proportion) and one value
 * of the relative effect (GRADE Handbook 5.2.2; Cochrane Handbook 5.1, 11.5.5):
 * RR: ACR × RR; OR: ACR × OR / (1 − ACR + ACR × OR); HR: 1 − (1 − ACR)^HR; RD: ACR + RD.
 * The result is clamped to 0…1 (a risk difference can overshoot it).
 */
export function interventionRisk(measure: AbsoluteMeasure, acr: number, effect: number): number {
  let risk: number;
  switch (measure) {
    case 'RR':
      risk = acr * effect;
      break;
    case 'OR':
      risk = (acr * effect) / (1 - acr + acr * effect);
      break;
    case 'HR':
      risk = 1 - Math.pow(1 - acr, effect);
      break;
    case 'RD':
      risk = acr + effect;
      break;
  }
  return Math.min(1, Math.max(0, risk));
}

/** A number per 1,000 with its 95% CI, in the order of the relative effect's CI (low from `ciLow`). */
export interface PerThousand {
  estimate: number;
  low: number;
  high: number;
}

/** The columns of a summary of findings row: risk with control, risk with the intervention, and the difference, per 1,000 (whole numbers). */
export interface AbsoluteEffect {
  control: number;
  intervention: PerThousand;
  /** Intervention − control: negative is fewer per 1,000, positive more. */
  difference: PerThousand;
}

/** Rounds half away from zero, so that 67.5 fewer and 67.5 more both show as 68. */
function roundHalfAway(value: number): number {
  // The product of two decimals is rarely exact (1000 × 0.4 × 0.83 = 332.00000000000006): trim below a millionth first.
  const trimmed = Math.round(value * 1e6) / 1e6;
  return Math.sign(trimmed) * Math.round(Math.abs(trimmed));
}

/**
 * The anticipated absolute effects for an assumed control risk per 1,000 and a pooled relative effect
 * (estimate and 95% CI on the ratio scale; on the risk-difference scale for RD). The difference is
 * computed before rounding, so it may differ by one from the difference of the rounded risks, as in GRADEpro.
 */
export function absoluteEffect(measure: AbsoluteMeasure, assumedPerThousand: number, effect: { estimate: number; ciLow: number; ciHigh: number }): AbsoluteEffect {
  const acr = assumedPerThousand / 1000;
  const risk = (value: number) => interventionRisk(measure, acr, value);
  const at = (value: number) => ({ risk: roundHalfAway(risk(value) * 1000), difference: roundHalfAway((risk(value) - acr) * 1000) });
  const [estimate, low, high] = [at(effect.estimate), at(effect.ciLow), at(effect.ciHigh)];
  return {
    control: roundHalfAway(assumedPerThousand),
    intervention: { estimate: estimate.risk, low: low.risk, high: high.risk },
    difference: { estimate: estimate.difference, low: low.difference, high: high.difference },
  };
}

/** `fewer`, `more` or `none` for a difference per 1,000, as a summary of findings words it ("68 fewer per 1,000"). */
export function direction(difference: number): 'fewer' | 'more' | 'none' {
  return difference < 0 ? 'fewer' : difference > 0 ? 'more' : 'none';
}

/**
 * The default assumed control risk per 1,000: the median of the control groups' risks (events / patients)
 * of the analysis's studies (Cochrane Handbook 5.1, 11.5.6.3). Undefined when no study gives a control arm.
 */
export function medianControlRisk(controls: readonly { events: number; total: number }[]): number | undefined {
  const risks = controls.filter((arm) => arm.total > 0).map((arm) => arm.events / arm.total).sort((a, b) => a - b);
  if (risks.length === 0) return undefined;
  const middle = Math.floor(risks.length / 2);
  const median = risks.length % 2 === 1 ? (risks[middle] as number) : ((risks[middle - 1] as number) + (risks[middle] as number)) / 2;
  return median * 1000;
}

/**
 * The assumed control risk per 1,000 of a summary of findings row: certainty.csv's `assumed_risk`
 * when given, else the median control-group risk of the analysis's pooled studies (binary data only).
 */
export function assumedRisk(given: number | undefined, studies: readonly Pick<StudyEffect, 'data'>[]): number | undefined {
  if (given !== undefined) return given;
  const controls = studies.flatMap(({ data }) => (data.kind === 'binary' ? [data.control] : []));
  return medianControlRisk(controls);
}
