/**
 * Deterministic synthetic postings for the fixture servers: same seed, same postings. Texts are
 * invented, shaped like Kenyan board postings (KSh salaries, counties, "Bachelors" education).
 */

export interface FixturePosting {
  /** Index in the generated list, stable for a seed. */
  index: number;
  slug: string;
  /** CareerJet-style opaque token. */
  token: string;
  title: string;
  organization: string;
  location: string;
  employmentType: string;
  /** Display salary, or null for "Confidential". */
  salary: { min: number; max: number } | null;
  education: string;
  experience: string;
  industry: string;
  datePostedIso: string;
  deadlineIso: string;
  /** Age as listing cards show it. */
  postedText: string;
  descriptionHtml: string;
  isFeatured: boolean;
}

const ROLES = ['Sales Executive', 'Accountant', 'Data Analyst', 'Field Officer', 'Nurse', 'Driver', 'Software Engineer', 'Procurement Officer', 'Customer Service Agent', 'Project Manager', 'Teacher', 'Marketing Officer'];
const LEVELS = ['Junior', 'Senior', 'Assistant', 'Lead', ''];
const ORGANIZATIONS = ['Acme Widgets Ltd', 'Savannah Logistics', 'Tana Water Trust', 'Kilima Microfinance', 'Rift Valley Agro', 'Pwani Health Services', 'Jua Solar Kenya', 'Mlima Schools'];
const TOWNS = ['Nairobi', 'Mombasa', 'Kisumu', 'Nakuru', 'Eldoret', 'Thika', 'Machakos', 'Nyeri'];
const TYPES = ['Full Time', 'Contract', 'Part Time', 'Internship & Graduate'];
const EDUCATION = ['Diploma', 'Bachelors', 'Certificate', 'Highschool'];
const INDUSTRIES = ['Banking', 'Logistics', 'Healthcare', 'Education', 'IT & Telecoms', 'Agriculture'];

/** Generates `count` postings; the first `featuredCount` are featured. */
export function generateFixturePostings(count: number, options: { seed?: number; featuredCount?: number } = {}): FixturePosting[] {
  const random = mulberry32(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const baseDateMs = Date.parse('2026-03-02T00:00:00Z');

  return Array.from({ length: count }, (_unused, index) => {
    const level = pick(LEVELS);
    const role = pick(ROLES);
    const title = `${level ? `${level} ` : ''}${role}`;
    const organization = pick(ORGANIZATIONS);
    const location = pick(TOWNS);
    const minSalary = 20_000 + Math.floor(random() * 20) * 5_000;
    const hasSalary = random() > 0.3;
    const postedDaysAgo = index % 14;
    const datePostedMs = baseDateMs - postedDaysAgo * 86_400_000;
    const slugBase = `${title} ${organization}`.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

    return {
      index,
      slug: `${slugBase}-${index.toString(36).padStart(4, '0')}`,
      token: `ke${(index * 2_654_435_761 >>> 0).toString(16).padStart(8, '0')}${index.toString(16).padStart(4, '0')}`,
      title,
      organization,
      location,
      employmentType: pick(TYPES),
      salary: hasSalary ? { min: minSalary, max: minSalary + 15_000 } : null,
      education: pick(EDUCATION),
      experience: `${1 + Math.floor(random() * 6)} years`,
      industry: pick(INDUSTRIES),
      datePostedIso: new Date(datePostedMs).toISOString(),
      deadlineIso: new Date(datePostedMs + 30 * 86_400_000).toISOString(),
      postedText: formatAge(postedDaysAgo),
      descriptionHtml: [
        `<p>${organization} is hiring a ${title} based in ${location}. Posting number ${index}.</p>`,
        '<p><strong>Key responsibilities</strong></p>',
        `<ul><li>Deliver the ${role.toLowerCase()} work plan and weekly reports.</li><li>Work with the ${location} team on targets.</li></ul>`,
        '<p><strong>Requirements</strong></p>',
        `<ul><li>${pick(EDUCATION)} in a relevant field.</li><li>At least ${1 + (index % 5)} years of experience.</li></ul>`,
      ].join(''),
      isFeatured: index < (options.featuredCount ?? 0),
    };
  });
}

function formatAge(days: number): string {
  if (days === 0) {
    return 'Today';
  }
  return days === 1 ? 'Yesterday' : `${days} days ago`;
}

/** Formats a salary range as boards show it, e.g. `45,000 - 60,000`. */
export function formatRange(salary: { min: number; max: number }): string {
  return `${salary.min.toLocaleString('en-US')} - ${salary.max.toLocaleString('en-US')}`;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
