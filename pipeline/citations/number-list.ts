// Writes a set of reference numbers compactly for messages and citations: 3, 5–7, 9.
/** Sorted, deduplicated; runs of three or more consecutive numbers become ranges with an en dash. */
export function formatNumberList(numbers: Iterable<number>, separator = ', '): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++;
    const from = sorted[i] as number;
    const to = sorted[j] as number;
    if (j - i >= 2) parts.push(`${from}–${to}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return parts.join(separator);
}
