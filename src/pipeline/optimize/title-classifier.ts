/**
 * A multinomial naive Bayes classifier of job titles into title families, over word unigrams and
 * bigrams with add-one (Laplace) smoothing. It is trained on titles whose family the rules decided
 * with confidence and serves as a fallback for titles the rules cannot place. The model is plain
 * JSON, so it can be stored in learned_pattern and loaded by any process.
 */
import { singular, tokenize } from '../../normalize/phrase-matcher.js';
import { TITLE_FAMILIES, type TitleFamily } from '../../normalize/vocabulary.js';

export interface FamilyCounts {
  /** Training titles of this family, weighted by postings. */
  documents: number;

  /** Sum of all feature counts of this family. */
  features: number;
  counts: Record<string, number>;
}

export interface TitleClassifierModel {
  version: 1;
  families: Partial<Record<TitleFamily, FamilyCounts>>;
  vocabularySize: number;
  documents: number;
}

export interface TrainingTitle {
  title: string;
  family: TitleFamily;

  /** How many postings carry this title; a title counts this many times. */
  weight: number;
}

export interface TitlePrediction {
  family: TitleFamily;

  /** Posterior probability of the family, 0–1, among the families seen in training. */
  probability: number;
}

// Words that occur in titles of every family and so carry no signal.
const STOP_WORDS = new Set(['and', 'of', 'the', 'for', 'in', 'a', 'an', 'to', 'at', 'with', 'on', 'job', 'vacancy', 'position', 'kenya']);
const FAMILY_SET: ReadonlySet<string> = new Set(TITLE_FAMILIES);

/** Splits a title into features: singular lower-case words without stop words or digits, plus adjacent word pairs. */
export function titleFeatures(title: string): string[] {
  const words = tokenize(title)
    .map((token) => singular(token.folded))
    .filter((word) => !STOP_WORDS.has(word) && /\p{L}/u.test(word));
  const pairs = words.slice(1).map((word, index) => `${words[index]} ${word}`);
  return [...words, ...pairs];
}

/** Trains a model from scratch; titles without any feature are ignored. */
export function trainTitleClassifier(titles: readonly TrainingTitle[]): TitleClassifierModel {
  const families: Partial<Record<TitleFamily, FamilyCounts>> = {};
  const vocabulary = new Set<string>();
  let documents = 0;

  for (const { title, family, weight } of titles) {
    const features = titleFeatures(title);
    if (features.length === 0 || weight <= 0) {
      continue;
    }

    const entry = (families[family] ??= { documents: 0, features: 0, counts: {} });
    entry.documents += weight;
    documents += weight;
    for (const feature of features) {
      entry.counts[feature] = (entry.counts[feature] ?? 0) + weight;
      entry.features += weight;
      vocabulary.add(feature);
    }
  }
  return { version: 1, families, vocabularySize: vocabulary.size, documents };
}

/**
 * Predicts the family of a title, or returns null when the model is empty or the title shares no
 * feature with the training titles (the prior alone would just name the commonest family).
 */
export function predictTitleFamily(model: TitleClassifierModel, title: string): TitlePrediction | null {
  const features = titleFeatures(title);
  const entries = Object.entries(model.families) as Array<[TitleFamily, FamilyCounts]>;
  const isKnown = features.some((feature) => entries.some(([, counts]) => counts.counts[feature] !== undefined));
  if (entries.length === 0 || !isKnown) {
    return null;
  }

  const scores = entries.map(([family, counts]) => {
    let score = Math.log(counts.documents / model.documents);
    for (const feature of features) {
      score += Math.log(((counts.counts[feature] ?? 0) + 1) / (counts.features + model.vocabularySize));
    }
    return { family, score };
  });

  // Normalize the log scores into probabilities without overflowing exp().
  const best = Math.max(...scores.map((entry) => entry.score));
  const total = scores.reduce((sum, entry) => sum + Math.exp(entry.score - best), 0);
  const winner = scores.reduce((top, entry) => (entry.score > top.score ? entry : top));
  return { family: winner.family, probability: Math.exp(winner.score - best) / total };
}

/** Checks that a stored JSON value has the model's shape; returns it typed, or null. */
export function parseTitleClassifierModel(value: unknown): TitleClassifierModel | null {
  const model = value as Partial<TitleClassifierModel> | null;
  if (model === null || typeof model !== 'object' || model.version !== 1 || typeof model.documents !== 'number' || typeof model.vocabularySize !== 'number') {
    return null;
  }
  if (typeof model.families !== 'object' || model.families === null || !Object.keys(model.families).every((family) => FAMILY_SET.has(family))) {
    return null;
  }
  return model as TitleClassifierModel;
}
