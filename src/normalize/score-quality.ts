/**
 * Scores how complete a normalized posting is, from 0 to 1: ten points divided by ten.
 * Title 2, description completeness 3, requirements detail 2, company 1, location 1, salary 1.
 */

export interface QualityInput {
  title: string | null;
  titleFamily: string | null;
  description: string | null;

  /** The requirements or qualifications part of the posting, when one was found. */
  requirements: string | null;
  hasOrganization: boolean;
  hasLocation: boolean;
  hasSalary: boolean;
  educationLevel: string | null;
  experienceMinYears: number | null;
  skillCount: number;
}

// Description length thresholds in characters; a full posting on these boards runs 2,000–5,000.
const DESCRIPTION_POINT_CHARS = [300, 1000, 2000] as const;
const REQUIREMENTS_MIN_CHARS = 120;
const DETAILED_SKILL_COUNT = 3;

/** Returns the quality score in [0, 1], rounded to one decimal place. */
export function scoreQuality(input: QualityInput): number {
  let points = 0;

  const title = input.title?.trim() ?? '';
  if (title.length >= 3) points += 1;
  if (input.titleFamily !== null) points += 1;

  const descriptionChars = input.description?.trim().length ?? 0;
  points += DESCRIPTION_POINT_CHARS.filter((threshold) => descriptionChars >= threshold).length;

  if ((input.requirements?.trim().length ?? 0) >= REQUIREMENTS_MIN_CHARS) points += 1;
  const statesRequirements = input.educationLevel !== null || input.experienceMinYears !== null || input.skillCount >= DETAILED_SKILL_COUNT;
  if (statesRequirements) points += 1;

  if (input.hasOrganization) points += 1;
  if (input.hasLocation) points += 1;
  if (input.hasSalary) points += 1;
  return points / 10;
}
