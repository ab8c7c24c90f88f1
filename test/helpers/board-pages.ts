/**
 * HTML of the four boards' listing and detail pages, shaped like the real markup (tags, classes,
 * labels, pagers, JSON-LD quirks) and filled with fixture postings. The fixture server serves these.
 */
import { escapeHtml as esc, formatRange, type FixturePosting } from './fixture-postings.js';

export type BoardKey = 'brightermonday' | 'careerjet' | 'jobwebkenya' | 'myjobmag';

export interface ListingRender {
  baseUrl: string;
  page: number;
  /** Cards in page order (featured cards included by the caller). */
  postings: readonly FixturePosting[];
  /** Number of the next page, or null for no "next" link. */
  nextPage: number | null;
  /** Leave the pager out entirely. */
  hasPager: boolean;
}

export interface BoardPages {
  /** Path of listing page N (page 1 has no number). */
  listingPath(page: number): string;
  /** Path of a posting's detail page. */
  detailPath(posting: FixturePosting): string;
  listing(render: ListingRender): string;
  detail(baseUrl: string, posting: FixturePosting): string;
}

export const BOARD_PAGES: Record<BoardKey, BoardPages> = {
  brightermonday: {
    listingPath: (page) => (page === 1 ? '/jobs' : `/jobs?page=${page}`),
    detailPath: (posting) => `/listings/${posting.slug}`,
    listing: brighterMondayListing,
    detail: brighterMondayDetail,
  },
  careerjet: {
    listingPath: (page) => (page === 1 ? '/jobs?l=Kenya&sort=date' : `/jobs?l=Kenya&sort=date&p=${page}`),
    detailPath: (posting) => `/jobad/${posting.token}`,
    listing: careerJetListing,
    detail: careerJetDetail,
  },
  jobwebkenya: {
    listingPath: (page) => (page === 1 ? '/jobs/' : `/jobs/page/${page}/`),
    detailPath: (posting) => `/jobs/${posting.slug}/`,
    listing: jobWebKenyaListing,
    detail: jobWebKenyaDetail,
  },
  myjobmag: {
    listingPath: (page) => (page === 1 ? '/jobs' : `/jobs/page/${page}`),
    detailPath: (posting) => `/job/${posting.slug}`,
    listing: myJobMagListing,
    detail: myJobMagDetail,
  },
};

function salaryText(posting: FixturePosting): string {
  return posting.salary ? `KSh ${formatRange(posting.salary)}` : 'Confidential';
}

function brighterMondayListing(render: ListingRender): string {
  const pages = BOARD_PAGES.brightermonday;
  const cards = render.postings
    .map((posting) => {
      const url = `${render.baseUrl}${pages.detailPath(posting)}`;
      const featured = posting.isFeatured
        ? '<div class="flex flex-shrink-0 justify-center items-center w-5 text-xs font-medium text-white uppercase rounded-l-md rounded-bl-none bg-brand-secondary"><span>Featured</span></div>'
        : '';
      const salary = posting.salary ? `KSh <span class="mr-1">${formatRange(posting.salary)}</span>` : 'Confidential';
      return `
    <div data-cy="listing-cards-components" class="flex flex-col w-full bg-white">
      ${featured}
      <div class="flex-1 px-5 pt-5">
        <a href="${url}" data-cy="listing-title-link" title="${esc(posting.title)}" class="relative mb-3 text-lg font-medium break-words text-link-500">
          <p class="text-lg font-medium break-words text-link-500">${esc(posting.title)}</p>
        </a>
        <p class="text-sm text-link-500 text-loading-animate inline-block mt-3"><a href="${render.baseUrl}/company/${posting.organization.toLowerCase().replace(/\W+/g, '-')}" class="text-loading-animate-link">${esc(posting.organization)}</a></p>
        <div class="flex flex-wrap mt-3 text-sm text-gray-500 md:py-0">
          <span class="mb-3 px-3 py-1 rounded bg-brand-secondary-100 mr-2 text-loading-hide">${esc(posting.location)}</span>
          <span class="mb-3 px-3 py-1 rounded bg-brand-secondary-100 mr-2 text-loading-hide">${esc(posting.employmentType)}</span>
          <span class="mb-3 px-3 py-1 rounded bg-brand-secondary-100 mr-2 text-loading-hide">${salary}</span>
        </div>
        <p class="text-sm text-gray-500 text-loading-animate inline-block">Function : ${esc(posting.industry)}</p>
      </div>
      <div class="flex flex-col border-t border-gray-300 px-5 py-3"><p class="text-sm font-normal text-gray-700 text-loading-animate">Teaser for posting ${posting.index}&hellip;</p></div>
      <div class="flex flex-row items-start items-center px-5 py-3 w-full border-t border-gray-300"><p class="text-sm font-normal text-gray-700 text-loading-animate">${esc(posting.postedText)}</p></div>
    </div>`;
    })
    .join('');

  const next = render.nextPage === null ? '' : `<a href="${render.baseUrl}${pages.listingPath(render.nextPage)}" rel="next">Next »</a>`;
  const pager = render.hasPager
    ? `<nav role="navigation" aria-label="Pagination Navigation"><div><span aria-current="page">${render.page}</span>${next}</div></nav>`
    : '';
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Jobs in Kenya | BrighterMonday</title></head>
<body><main><section>${cards}</section>${pager}</main></body></html>`;
}

function brighterMondayDetail(baseUrl: string, posting: FixturePosting): string {
  const url = `${baseUrl}${BOARD_PAGES.brightermonday.detailPath(posting)}`;
  const graph: Record<string, unknown>[] = [
    { '@type': 'WebPage', '@id': url, name: posting.title },
    { '@type': 'Organization', '@id': `${baseUrl}/#/schema/Organization/1`, name: 'BrighterMonday Kenya' },
    { '@type': 'Organization', '@id': `${baseUrl}/#/schema/Organization/${100 + posting.index}`, name: posting.organization },
    { '@type': 'PostalAddress', '@id': `${baseUrl}/#/schema/PostalAddress/${posting.index}`, streetAddress: posting.location, addressLocality: 'Kenya', addressCountry: 'KE' },
    { '@type': 'Place', '@id': `${baseUrl}/#/schema/Place/${posting.index}`, address: { '@id': `${baseUrl}/#/schema/PostalAddress/${posting.index}` } },
    {
      '@type': 'JobPosting',
      '@id': `${baseUrl}/#/schema/JobPosting/${posting.index}`,
      title: posting.title,
      description: posting.descriptionHtml,
      datePosted: posting.datePostedIso,
      validThrough: posting.deadlineIso,
      employmentType: posting.employmentType === 'Full Time' ? 'FULL_TIME' : 'CONTRACTOR',
      industry: posting.industry,
      hiringOrganization: { '@id': `${baseUrl}/#/schema/Organization/${100 + posting.index}` },
      jobLocation: { '@id': `${baseUrl}/#/schema/Place/${posting.index}` },
      ...(posting.salary
        ? { baseSalary: { '@type': 'MonetaryAmount', currency: 'KES', value: { '@type': 'QuantitativeValue', minValue: posting.salary.min, maxValue: posting.salary.max, unitText: 'MONTH' } } }
        : {}),
    },
  ];
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>${esc(posting.title)} at ${esc(posting.organization)} | BrighterMonday</title>
<meta property="og:title" content="${esc(posting.title)} in ${esc(posting.location)}">
<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@graph': graph })}</script>
</head><body><main>
<article class="job__details">
  <div class="flex flex-col px-4 py-5 md:p-5 border-b border-gray-300">
    <h1 class="text-lg font-medium text-gray-700">${esc(posting.title)}</h1>
    <h2><a href="/company/x" class="text-link-500">${esc(posting.organization)}</a></h2>
    <a href="/jobs/${posting.industry.toLowerCase().replace(/\W+/g, '-')}" rel="nofollow">${esc(posting.industry)}</a>
    <p class="text-sm text-gray-500">${esc(posting.postedText)}</p>
    <div class="flex flex-wrap mt-3">
      <a href="/jobs/all/${posting.location.toLowerCase()}" rel="nofollow">${esc(posting.location)}</a>
      <a href="/jobs/full-time" rel="nofollow">${esc(posting.employmentType)}</a>
      <span class="text-sm">${salaryText(posting)}</span>
    </div>
  </div>
  <div class="py-5 px-4 border-b border-gray-300 md:p-5">
    <h3>Job summary</h3><p>Summary of posting ${posting.index}.</p>
    <ul class="mt-3">
      <li><span>Min Qualification:</span> <span>${esc(posting.education)}</span></li>
      <li><span>Experience Level:</span> <span>Mid level</span></li>
      <li><span>Experience Length:</span> <span>${esc(posting.experience)}</span></li>
      <li><span>Working Hours:</span> <span>${esc(posting.employmentType)}</span></li>
    </ul>
  </div>
  <div class="py-5 px-4 border-b border-gray-300 md:p-5">
    <h3>Job descriptions &amp; requirements</h3>
    <div class="text-sm text-gray-500">${posting.descriptionHtml}</div>
  </div>
  <div class="mt-6"><a href="/login">Log In and Apply</a></div>
</article></main></body></html>`;
}

function careerJetListing(render: ListingRender): string {
  const pages = BOARD_PAGES.careerjet;
  const cards = render.postings
    .map((posting) => {
      const path = pages.detailPath(posting);
      const salary = posting.salary ? `<ul class="salary"><li><svg class="icon"></svg> KES ${formatRange(posting.salary)} per month</li></ul>` : '';
      return `
    <li><article class="job clicky" data-url="${path}">
      <header><h2><a href="${path}" title="${esc(posting.title)}">${esc(posting.title)}</a></h2></header>
      <ul class="actions notclicky"><li><button class="save">Save</button></li></ul>
      <p class="company"><a href="/company/x">${esc(posting.organization)}</a></p>
      <ul class="location"><li><svg class="icon"></svg> ${esc(posting.location)}</li></ul>
      ${salary}
      <div class="desc">Teaser for posting ${posting.index}&hellip;</div>
      <footer><ul class="tags"><li><span class="badge badge-r badge-s badge-icon"><svg class="icon"></svg> ${esc(posting.postedText)}</span></li></ul></footer>
    </article></li>`;
    })
    .join('');

  const pager =
    render.hasPager && render.nextPage !== null
      ? `<nav class="pagination"><a href="${pages.listingPath(render.nextPage).replace(/&/g, '&amp;')}" rel="next">Next page</a></nav>`
      : '';
  return `<!DOCTYPE html><html lang="en-KE"><head><title>Jobs in Kenya - Careerjet</title></head>
<body><main><header><h1>Jobs in Kenya</h1></header><ul class="jobs">${cards}</ul>${pager}</main></body></html>`;
}

function careerJetDetail(_baseUrl: string, posting: FixturePosting): string {
  return `<!DOCTYPE html><html lang="en-KE"><head><title>${esc(posting.title)} - ${esc(posting.location)} - Careerjet</title></head>
<body><main><article id="job">
  <header>
    <h1>${esc(posting.title)}</h1>
    <p class="company">${esc(posting.organization)}</p>
    <ul class="details"><li><svg class="icon"></svg><span>${esc(posting.location)}</span></li><li><svg class="icon"></svg>Permanent</li><li><svg class="icon"></svg>${esc(posting.employmentType)}</li></ul>
    <ul class="tags"><li><span class="badge badge-r badge-s badge-icon">${esc(posting.postedText)}</span></li></ul>
  </header>
  <section class="content">${posting.descriptionHtml}</section>
  <p class="source">www.example-board.co.ke</p>
  <a class="btn btn-apply" href="/jobad/${posting.token}/apply" rel="nofollow">Apply now</a>
</article></main></body></html>`;
}

function jobWebKenyaListing(render: ListingRender): string {
  const pages = BOARD_PAGES.jobwebkenya;
  const cards = render.postings
    .map((posting, position) => {
      const date = new Date(posting.datePostedIso);
      const shown = `${String(date.getUTCDate()).padStart(2, '0')}/${date.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' })}/${date.getUTCFullYear()}`;
      return `
      <li class="job${position % 2 === 1 ? ' job-alt' : ''}">
        <div id="titlo"><strong><a href="${render.baseUrl}${pages.detailPath(posting)}">${esc(posting.title)} at ${esc(posting.organization)}</a></strong></div>
        <div id="location"><strong>Location:</strong> ${esc(posting.location)}</div>
        <div id="exc">Excerpt of posting ${posting.index}&hellip;</div>
        <div id="date"><span class="year">${shown}</span></div>
      </li>`;
    })
    .join('');

  const next = render.nextPage === null ? '' : `<a class="nextpostslink" rel="next" href="${render.baseUrl}${pages.listingPath(render.nextPage)}">»</a>`;
  const pager = render.hasPager
    ? `<div class="paging"><div class="wp-pagenavi"><span class="pages">Page ${render.page}</span><span class="current">${render.page}</span>${next}</div><div class="top"><a href="#top">Top ↑</a></div></div>`
    : '';
  return `<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8"><title>Jobs | Page ${render.page} | JobWeb Kenya</title></head>
<body><div id="wrapper"><div id="mainContent"><div class="section"><h2 class="pagetitle">Latest Jobs</h2>
<ol class="jobs">${cards}</ol><div class="clear"></div>${pager}</div></div></div></body></html>`;
}

function jobWebKenyaDetail(_baseUrl: string, posting: FixturePosting): string {
  const date = new Date(posting.datePostedIso);
  const deadline = new Date(posting.deadlineIso);
  const month = (value: Date, style: 'short' | 'long') => value.toLocaleString('en-US', { month: style, timeZone: 'UTC' });
  const jobType = posting.employmentType === 'Full Time' ? 'Full-Time' : posting.employmentType;
  return `<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8"><title>${esc(posting.title)} at ${esc(posting.organization)} | JobWeb Kenya</title></head>
<body><div id="mainContent"><div class="section single">
  <div class="section_header">
    <div class="date"><strong>${date.getUTCDate()} ${month(date, 'short')}</strong> <span class="year">${date.getUTCFullYear()}</span></div>
    <h1 class="title"><span class="type"><span class="jtype">${esc(jobType)}</span></span> ${esc(posting.title)} at ${esc(posting.organization)}</h1>
    <p class="meta">${esc(posting.organization)} &ndash; ${esc(posting.location)}</p>
  </div>
  <div class="section_content">
    <div class="jwk-promo">Recruit candidates with Ease. <a href="/submit-job/">Post a Job</a></div>
    <ul class="job-meta">
      <li><strong>Company:</strong> ${esc(posting.organization)}</li>
      <li><strong>Location:</strong> Kenya</li>
      <li><strong>State:</strong> ${esc(posting.location)}</li>
      <li><strong>Job type:</strong> ${esc(jobType)}</li>
      <li><strong>Job category:</strong> <a href="/jobs/x-jobs-in-kenya/">${esc(posting.industry)} Jobs in Kenya</a></li>
    </ul>
    <div class="jwk-promo">Resubmit your Resume Today. <a href="#">Follow</a></div>
    <h2>Job Description</h2>
    ${posting.descriptionHtml}
    <p class="share">Don't Keep Share!: <a href="#">WhatsApp</a> <a href="#">Tweet</a></p>
    <h2>Method of Application</h2>
    <p>Send your CV to <a href="/cdn-cgi/l/email-protection#00" class="__cf_email__" data-cfemail="00">[email&#160;protected]</a> quoting the job title.</p>
    <p><strong>Closing Date : ${deadline.getUTCDate()} ${month(deadline, 'long')}. ${deadline.getUTCFullYear()}</strong></p>
  </div>
  <div id="apply_form" class="section_content"><h2>Apply for this Job</h2><form method="post"><p><label>Name <span>*</span></label><input type="text" name="your_name"></p></form></div>
</div></div></body></html>`;
}

function myJobMagListing(render: ListingRender): string {
  const pages = BOARD_PAGES.myjobmag;
  const cards = render.postings.map((posting, position) => {
    const date = new Date(posting.datePostedIso);
    const card = `
    <li class="job-list-li"><ul>
      <li class="job-logo"><a href="/jobs-at/x"><img src="/logo.png" alt="${esc(posting.organization)} logo" title="${esc(posting.organization)} logo"></a></li>
      <li class="job-info"><ul>
        <li class="mag-b"><h2><a href="${pages.detailPath(posting)}">${esc(posting.title)} at ${esc(posting.organization)}</a></h2></li>
        <li class="job-desc">Teaser for posting ${posting.index}&hellip;</li>
        <li class="job-item"><ul>
          <li id="job-date">${date.getUTCDate()} ${date.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' })} <span><a href="/jobs-location/${posting.location.toLowerCase()}">${esc(posting.location)}</a></span></li>
          <li id="job-field"><a href="/jobs-by-field/x">${esc(posting.industry)}</a></li>
        </ul></li>
      </ul></li>
    </ul></li>`;
    const adSlot = position === 2 ? '<li class="job-list-li"><ins class="adsbygoogle" data-ad-client="ca-pub-0000"></ins><script>(adsbygoogle = window.adsbygoogle || []).push({});</script></li>' : '';
    return card + adSlot;
  });

  const next = render.nextPage === null ? '' : `<li><a href="${pages.listingPath(render.nextPage)}">Next</a></li>`;
  const pager = render.hasPager ? `<ul class="setPaginate"><li><span class="current">${render.page}</span></li>${next}</ul>` : '';
  return `<!DOCTYPE html><html lang="en"><head><title>Latest Jobs in Kenya - Page ${render.page} |  MyJobMag</title></head>
<body><div id="main"><ul class="job-list">${cards.join('')}</ul>${pager}</div>
<aside class="sidebar"><h3>Popular Jobs</h3><a href="/job/popular-role-elsewhere-9999">Popular Role</a></aside></body></html>`;
}

function myJobMagDetail(_baseUrl: string, posting: FixturePosting): string {
  const posted = new Date(posting.datePostedIso);
  const deadline = new Date(posting.deadlineIso);
  const longDate = (value: Date) => value.toLocaleString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  // The real board writes raw line breaks into JSON-LD strings and entity-escapes the description markup.
  const escapedDescription = esc(posting.descriptionHtml).replace(/&quot;/g, '\\"').replace(/<\/ul>/g, '</ul>\n');
  const jsonLd = `{
  "@context": "http://schema.org",
  "@type": "JobPosting",
  "title": "${esc(posting.title)}",
  "description": "${escapedDescription.replace(/&lt;\/p&gt;/, '&lt;/p&gt;\n')}",
  "datePosted": "${posting.datePostedIso}",
  "validThrough": "${posting.deadlineIso}",
  "employmentType": "${posting.employmentType} , Onsite",
  "industry": "${esc(posting.industry)}",
  "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "${posting.location}", "addressRegion": "${posting.location}", "addressCountry": "KE"}},
  "hiringOrganization": {"@type": "Organization", "name": "${esc(posting.organization)}", "sameAs": "https://www.myjobmag.co.ke/jobs-at/x"}
}`;
  const salaryRow = posting.salary ? `<li><span class="jkey-title">Salary Range</span> <span class="jkey-info">KSh ${posting.salary.min.toLocaleString('en-US')} - KSh ${posting.salary.max.toLocaleString('en-US')}/month</span></li>` : '';
  return `<!DOCTYPE html><html lang="en"><head><title>${esc(posting.title)} at ${esc(posting.organization)} |  MyJobMag</title>
<script type="application/ld+json">${jsonLd}</script></head>
<body><div id="read-job">
  <ul class="read-h1"><li><h1>${esc(posting.title)} at ${esc(posting.organization)}</h1></li></ul>
  <div class="read-date-sec">
    <div class="read-date-sec-li"><b class="tc-o">Posted:</b> ${longDate(posted)}</div>
    <div class="read-date-sec-li"><b class="tc-bl3">Deadline:</b> ${longDate(deadline)}</div>
  </div>
  <ul class="job-read">
    <li class="job-industry"><a href="/jobs-at/x">View Jobs at ${esc(posting.organization)}</a></li>
    <li id="printable" class="job-description">
      <div class="mag-b bm-b-20">Never pay for any notarisation, certificate or assessment as part of any recruitment process. When in doubt, <a href="/contact">contact us</a></div>
      <div class="job-company-desc">${esc(posting.organization)} is a company in ${esc(posting.location)}&hellip;</div>
      <a href="/jobs-at/x">Read more about this company</a>
      <h2 class="mag-b"><span class="subjob-title">${esc(posting.title)}</span></h2>
      <ul class="job-key-info">
        <li><span class="jkey-title">Job Type</span> <span class="jkey-info">${esc(posting.employmentType)} , Onsite</span></li>
        <li><span class="jkey-title">Qualification</span> <span class="jkey-info"><a href="/jobs-by-education/x">${esc(posting.education)}</a></span></li>
        <li><span class="jkey-title">Experience</span> <span class="jkey-info">${esc(posting.experience)}</span></li>
        <li><span class="jkey-title">Location</span> <span class="jkey-info"><a href="/jobs-location/x">${esc(posting.location)}</a></span></li>
        <li><span class="jkey-title">Job Field</span> <span class="jkey-info"><a href="/jobs-by-field/x">${esc(posting.industry)}</a></span></li>
        ${salaryRow}
      </ul>
      <div class="job-details">${posting.descriptionHtml}</div>
      <div class="mag-b bm-t-20 ad-box"><script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div>
      <h2 id="application-method"><b>Method of Application</b></h2>
      <div class="mag-b bm-b-30">Interested and qualified? Go to <a target="_blank" rel="nofollow" href="/apply-now/${1000 + posting.index}">${esc(posting.organization)} on careers.example.com</a> to apply</div>
    </li>
  </ul>
</div></body></html>`;
}
