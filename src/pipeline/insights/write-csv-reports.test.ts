import { describe, expect, it } from 'vitest';

import { formatReportCsv } from './write-csv-reports.js';

describe('formatReportCsv', () => {
  it('writes a single table with its own header', () => {
    const csv = formatReportCsv([{ report: 'top-employers', name: 'employers', title: 't', head: ['organization', 'postings'], rows: [['Acme, "Ltd"', 3], ['Beta', null]] }]);
    expect(csv).toBe('organization,postings\r\n"Acme, ""Ltd""",3\r\nBeta,\r\n');
  });

  it('unions the columns of several tables under a table column', () => {
    const csv = formatReportCsv([
      { report: 'skill-demand', name: 'top', title: 't', head: ['skill', 'postings'], rows: [['excel', 4]] },
      { report: 'skill-demand', name: 'risers', title: 'r', head: ['skill', 'current', 'previous'], rows: [['sql', 3, 1]] },
    ]);
    expect(csv.split('\r\n')).toEqual(['table,skill,postings,current,previous', 'top,excel,4,,', 'risers,sql,,3,1', '']);
  });
});
