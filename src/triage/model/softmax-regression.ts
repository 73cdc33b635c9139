/**
 * Multinomial logistic regression over sparse counts, trained with AdaGrad and L2, balanced class weights.
 * Written here rather than taken from a library: the kept JavaScript ones (mljs) are dense and binary one-vs-rest,
 * which for tens of thousands of n-gram features and five classes costs far more memory and time than these
 * ninety lines, and none weights classes. Deterministic: the same data in the same order gives the same weights.
 */

export interface SparseVector {
  indices: number[];
  values: number[];
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
}

export interface SoftmaxModel {
  classes: string[];
  /** weights[c][f] */
  weights: Float64Array[];
  bias: Float64Array;
}

export function vectorise(features: string[], index: Map<string, number>): SparseVector {
  const counts = new Map<number, number>();
  for (const f of features) {
    const i = index.get(f);
    if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  // log-scaled counts, normalised to unit length so a long letter and a short note weigh alike
  const indices = [...counts.keys()].sort((a, b) => a - b);
  const values = indices.map((i) => 1 + Math.log(counts.get(i)!));
  const norm = Math.sqrt(values.reduce((s, v) => s + v * v, 0)) || 1;
  return { indices, values: values.map((v) => v / norm) };
}

export function predict(model: Pick<SoftmaxModel, 'weights' | 'bias'>, x: SparseVector): number[] {
  const scores = model.weights.map((w, c) => {
    let s = model.bias[c];
    for (let k = 0; k < x.indices.length; k++) s += w[x.indices[k]] * x.values[k];
    return s;
  });
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

export function train(xs: SparseVector[], ys: number[], classes: string[], featureCount: number, options: TrainOptions = {}): SoftmaxModel {
  const epochs = options.epochs ?? 40;
  const rate = options.learningRate ?? 0.5;
  const l2 = options.l2 ?? 1e-4;
  const C = classes.length;
  const weights = classes.map(() => new Float64Array(featureCount));
  const bias = new Float64Array(C);
  const gradSq = classes.map(() => new Float64Array(featureCount).fill(1e-8));
  const biasSq = new Float64Array(C).fill(1e-8);
  const counts = classes.map((_, c) => ys.filter((y) => y === c).length);
  const classWeight = counts.map((n) => (n ? ys.length / (C * n) : 0));
  // a fixed, data-independent visiting order (a stride through the examples) keeps training deterministic
  const stride = findStride(xs.length);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let step = 0, n = (epoch * 7) % Math.max(1, xs.length); step < xs.length; step++, n = (n + stride) % xs.length) {
      const x = xs[n];
      const p = predict({ weights, bias }, x);
      for (let c = 0; c < C; c++) {
        const g = (p[c] - (ys[n] === c ? 1 : 0)) * classWeight[ys[n]];
        for (let k = 0; k < x.indices.length; k++) {
          const f = x.indices[k];
          const grad = g * x.values[k] + l2 * weights[c][f];
          gradSq[c][f] += grad * grad;
          weights[c][f] -= (rate * grad) / Math.sqrt(gradSq[c][f]);
        }
        biasSq[c] += g * g;
        bias[c] -= (rate * g) / Math.sqrt(biasSq[c]);
      }
    }
  }
  return { classes, weights, bias };
}

function findStride(n: number): number {
  if (n < 3) return 1;
  let stride = Math.floor(n * 0.618) || 1;
  while (gcd(stride, n) !== 1) stride++;
  return stride;
}

function gcd(a: number, b: number): number {
  return b ? gcd(b, a % b) : a;
}
