import { scoreHeaders } from './accuracy/headers';
import { scoreCountries, scoreEmails, scorePhones, scorePostalCodes, scoreVat, type Rates } from './accuracy/values';
import { record } from './results';

const pct = (n: number): number => Math.round(n * 1000) / 10;

/**
 * Accuracy of the recognisers on corpora taken from public sources (bench/corpus/, each file
 * says where from): header mapping recall and precision per export, country recognition, and
 * false-accept / false-reject rates per validator. Misses are printed so a drop can be read.
 */
export function benchAccuracy(): void {
  const headers = scoreHeaders();
  let mappable = 0,
    found = 0,
    mapped = 0,
    wrong = 0;
  for (const file of headers) {
    mappable += file.mappable;
    found += file.found;
    mapped += file.mapped;
    wrong += file.wrong.length;
    const notes = [...file.wrong.map((w) => `wrong: ${w}`), ...file.missed.map((m) => `missed: ${m}`)];
    console.log(`  ${file.file.padEnd(46)} ${file.found}/${file.mappable}${notes.length ? `  (${notes.join('; ')})` : ''}`);
  }
  const countries = scoreCountries();
  console.log(
    `  countries by kind: ${Object.entries(countries.byKind)
      .map(([k, v]) => `${k} ${pct(v)}%`)
      .join(', ')}`,
  );
  if (countries.missed.length) console.log(`  countries missed: ${countries.missed.join(', ')}`);
  const validators: Record<string, Rates> = { vat: scoreVat(), postalCode: scorePostalCodes(), email: scoreEmails(), phone: scorePhones() };
  for (const [name, r] of Object.entries(validators)) if (r.examples.length) console.log(`  ${name}: ${r.examples.join('; ')}`);
  record({
    'accuracy.headers.files': headers.length,
    'accuracy.headers.mappableColumns': mappable,
    'accuracy.headers.recallPct': pct(found / mappable),
    'accuracy.headers.precisionPct': pct((mapped - wrong) / mapped),
    'accuracy.headers.wrongMappings': wrong,
    'accuracy.countries.cases': countries.cases,
    'accuracy.countries.recognisedPct': pct(countries.recognised),
    ...Object.fromEntries(
      Object.entries(validators).flatMap(([name, r]) => [
        [`accuracy.${name}.cases`, r.cases],
        [`accuracy.${name}.falseAcceptPct`, pct(r.falseAccept)],
        [`accuracy.${name}.falseRejectPct`, pct(r.falseReject)],
      ]),
    ),
  });
}
