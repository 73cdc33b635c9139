import type { Category } from '../../complaints/complaint-categories.js';
import { LoadedModel, type ModelArtifact } from './triage-model.js';
import { train, vectorise } from './softmax-regression.js';

export interface TrainingExample {
  id: string;
  label: Category;
  features: string[];
  source: string;
}

const CLASSES: Category[] = ['criminal', 'conduct', 'vexatious', 'political', 'non_policing'];
/** A feature must appear in at least this many complaints: rare n-grams overfit, and could carry a name. */
const MIN_DOCUMENTS = 2;

/** Trains on the examples; the criminal threshold and cross-validation figures are filled in by the caller. */
export function trainModel(examples: TrainingExample[], criminalThreshold = 0.5): LoadedModel {
  const documents = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) documents.set(f, (documents.get(f) ?? 0) + 1);
  const names = [...documents].filter(([, n]) => n >= MIN_DOCUMENTS).map(([f]) => f).sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const xs = examples.map((e) => vectorise(e.features, index));
  const ys = examples.map((e) => CLASSES.indexOf(e.label));
  const model = train(xs, ys, CLASSES, names.length);
  const weights: Record<string, number[]> = {};
  names.forEach((name, f) => {
    const w = CLASSES.map((_, c) => Math.round(model.weights[c][f] * 1000) / 1000);
    if (w.some((x) => x !== 0)) weights[name] = w;
  });
  const count = (key: (e: TrainingExample) => string) => examples.reduce<Record<string, number>>((acc, e) => ({ ...acc, [key(e)]: (acc[key(e)] ?? 0) + 1 }), {});
  const artifact: ModelArtifact = {
    format: 1,
    classes: CLASSES,
    weights,
    bias: Array.from(model.bias, (b) => Math.round(b * 1000) / 1000),
    criminalThreshold,
    trainedOn: { cases: examples.length, bySource: count((e) => e.source.split('/')[0]), byCategory: count((e) => e.label) },
    crossValidation: null,
  };
  return new LoadedModel(artifact);
}
