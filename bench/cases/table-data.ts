// Prepares the PDF benchmarks' input once per data set: the evidence table of the first N generated studies, built by the project's renderer.
// Usage: node --import tsx bench/cases/table-data.ts --records DIR --rows 2000,10000 --out DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEvidenceTable } from '../../pipeline/render/evidence-table.ts';
import { options, runChild, type TableFile } from './child.ts';
import { firstStudies, loadModel, tableOrderNumbers } from './evidence-model.ts';

runChild('table-data', async () => {
  const { records, rows, out } = options(['records', 'rows', 'out'] as const);
  const sizes = rows.split(',').map(Number);
  const model = loadModel(records, Math.max(...sizes));
  mkdirSync(out, { recursive: true });
  for (const size of sizes) {
    const part = firstStudies(model, size);
    const file: TableFile = { rows: size, table: buildEvidenceTable(part, tableOrderNumbers(part)) };
    writeFileSync(join(out, `evidence-${size}.json`), JSON.stringify(file));
  }
});
