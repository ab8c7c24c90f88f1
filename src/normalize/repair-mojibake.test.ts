import { describe, expect, it } from 'vitest';

import { repairMojibake } from './repair-mojibake.js';

describe('repairMojibake', () => {
  it.each([
    ['CafÃ© manager', 'Café manager'],
    ['â€¢ Prepare reports', '• Prepare reports'],
    ['Applicantâ€™s CV', 'Applicant’s CV'],
    ['â€œQuotedâ€\u009D text', '“Quoted” text'],
    ['Salary â€“ KSh 50,000', 'Salary – KSh 50,000'],
    ['Price: Â£50', 'Price: £50'],
    ['Emoji ðŸ”’ lock', 'Emoji 🔒 lock'],
    ['Twice: CafÃƒÂ©', 'Twice: Café'],
  ])('repairs %j', (text, repaired) => {
    expect(repairMojibake(text)).toBe(repaired);
  });

  it.each([
    ['Café – naïve “quoted” £50 © 2024'],
    ['Ångström Ölberg façade'],
    ['Plain ASCII text with KSh 50,000/='],
    ['Ã alone and Â followed by a letter'],
    [''],
  ])('leaves correct text %j unchanged', (text) => {
    expect(repairMojibake(text)).toBe(text);
  });
});
