import { existsSync, readFileSync } from 'node:fs';
import { CATEGORIES, type Category } from '../../complaints/complaint-categories.js';
import { predict, vectorise, type SoftmaxModel } from './softmax-regression.js';

/** The trained model as stored in the repository (model.json), written by `npm run triage:train`. */
export interface ModelArtifact {
  format: 1;
  classes: Category[];
  /** feature → one weight per class */
  weights: Record<string, number[]>;
  bias: number[];
  /** A criminal probability at or above this asks for an officer's review (chosen for full recall in cross-validation). */
  criminalThreshold: number;
  trainedOn: { cases: number; bySource: Record<string, number>; byCategory: Record<string, number> };
  crossValidation: { folds: number; accuracy: number; criminalRecallAtThreshold: number; nonCriminalAboveThreshold: number } | null;
}

export interface ModelOpinion {
  label: Category;
  /** Rounded to three decimals, in CATEGORIES order. */
  probabilities: Record<Category, number>;
  criminal: number;
  criminalThreshold: number;
}

export const modelUrl = new URL('./model.json', import.meta.url);

export class LoadedModel {
  private readonly index = new Map<string, number>();
  private readonly model: Pick<SoftmaxModel, 'weights' | 'bias'>;

  constructor(readonly artifact: ModelArtifact) {
    const names = Object.keys(artifact.weights);
    names.forEach((name, i) => this.index.set(name, i));
    this.model = {
      weights: artifact.classes.map((_, c) => Float64Array.from(names, (n) => artifact.weights[n][c])),
      bias: Float64Array.from(artifact.bias),
    };
  }

  opinion(features: string[]): ModelOpinion {
    const p = predict(this.model, vectorise(features, this.index));
    const probabilities = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
    this.artifact.classes.forEach((c, i) => (probabilities[c] = Math.round(p[i] * 1000) / 1000));
    const label = this.artifact.classes[p.indexOf(Math.max(...p))];
    return { label, probabilities, criminal: probabilities.criminal, criminalThreshold: this.artifact.criminalThreshold };
  }
}

let loaded: LoadedModel | null | undefined;
let substitute: LoadedModel | null | undefined;

/** The repository's model, loaded once; null before the first `npm run triage:train`. */
export function currentModel(): LoadedModel | null {
  if (substitute !== undefined) return substitute;
  if (loaded === undefined) loaded = existsSync(modelUrl) ? new LoadedModel(JSON.parse(readFileSync(modelUrl, 'utf8')) as ModelArtifact) : null;
  return loaded;
}

/** Evaluation only: cross-validation runs the pipeline with each fold's own model (undefined restores the real one). */
export function substituteModel(model: LoadedModel | null | undefined): void {
  substitute = model;
}
