import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { fieldIdSchema } from '../../src/engine/fields';
import { mapHeaders } from '../../src/engine/mapping';

const expectedSchema = z.union([fieldIdSchema, z.null(), z.array(fieldIdSchema), z.literal('?')]);
const corpusSchema = z.object({
  files: z.array(z.object({ name: z.string(), source: z.string(), headers: z.array(z.tuple([z.string(), expectedSchema])) })),
});

export interface HeaderScore {
  file: string;
  mappable: number;
  found: number;
  wrong: string[];
  missed: string[];
  mapped: number;
}

/**
 * Maps each corpus file's header row as a user's sheet would be mapped (template detected) and
 * compares with the field a person would pick: recall over the mappable columns, precision over
 * the columns the add-on mapped. A column held back only because another one claims its field
 * first counts as found.
 */
export function scoreHeaders(): HeaderScore[] {
  const corpus = corpusSchema.parse(JSON.parse(readFileSync(new URL('../corpus/headers.json', import.meta.url), 'utf8')));
  return corpus.files.map((file) => {
    const result = mapHeaders(
      file.headers.map(([h]) => h),
      { template: 'all' },
    );
    const score: HeaderScore = { file: file.name, mappable: 0, found: 0, wrong: [], missed: [], mapped: 0 };
    file.headers.forEach(([header, expected], i) => {
      if (expected === '?') return;
      const got = result.columns[i]!.field;
      const right = expected === null ? [] : Array.isArray(expected) ? expected : [expected];
      if (right.length) score.mappable++;
      if (got) score.mapped++;
      const heldBack = !got && right.some((f) => result.fieldColumns[f] !== undefined);
      if ((got && right.includes(got)) || heldBack) score.found++;
      else if (got) score.wrong.push(`${header} -> ${got}`);
      else if (right.length) score.missed.push(header);
    });
    return score;
  });
}
