/**
 * The fallback for titles the rules cannot place: the naive Bayes title-family classifier that
 * `nextke optimize` trains from postings the rules did place with confidence.
 */
import type { NormalizedPosting } from '../../normalize/normalize-posting.js';
import { predictTitleFamily, type TitleClassifierModel } from '../optimize/title-classifier.js';

// Below this posterior the classifier is guessing among families; leaving the family empty
// keeps such postings out of per-family figures instead of filing them under a wrong one.
const MIN_CLASSIFIER_PROBABILITY = 0.6;

/**
 * Returns the posting with a classifier family when the rules left the family empty, the
 * posting is a job with one position, and the classifier is confident; otherwise returns it
 * unchanged. `titleConfidence` becomes the classifier's probability.
 */
export function applyTitleClassifier(normalized: NormalizedPosting, title: string | null, model: TitleClassifierModel | null): NormalizedPosting {
  if (model === null || title === null || normalized.titleFamily !== null || normalized.nonJobReason !== null || normalized.isMultiPosition) {
    return normalized;
  }

  const prediction = predictTitleFamily(model, title);
  if (prediction === null || prediction.probability < MIN_CLASSIFIER_PROBABILITY) {
    return normalized;
  }
  return { ...normalized, titleFamily: prediction.family, titleConfidence: prediction.probability };
}
